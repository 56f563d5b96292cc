import SystemICU

/// Splits text into tokens at UAX #29 word boundaries (ICU), classifying each word's case.
///
/// Works on UTF-16 code units, ICU's own encoding, so boundaries come without conversion; ``ScalarOffsets``
/// turns UTF-16 offsets into the Unicode-scalar offsets output contracts use. One tokenizer per task: it
/// holds an ICU break iterator.
public final class Tokenizer {
    /// Opened on the first stretch of text that is not ASCII: opening one costs microseconds, and much
    /// English text needs none.
    private lazy var breaker = WordBreaker()

    public init() {}

    /// The tokens of `units`, in order; together they cover the text.
    public func tokens(of units: UnsafeBufferPointer<UInt16>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(units.count / 3)
        forEachToken(of: units) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each token of `units`, in order, without keeping them.
    package func forEachToken(of units: UnsafeBufferPointer<UInt16>, _ body: (Token) -> Void) {
        func emit(_ range: Range<Int>, _ kind: WordKind) {
            switch kind {
            case .letter, .kana, .ideographic:
                // UAX #29 attaches format characters to the word before them; bidi controls after a word
                // ("Goris" + PDF or RLM) are left outside it, as those before it are: a span is the name's
                // visible text.
                var end = range.upperBound
                while end > range.lowerBound + 1, Self.isBidiControl(units[end - 1]) { end -= 1 }
                body(Self.classify(range.lowerBound..<end, in: units))
                if end < range.upperBound { body(Token(range: end..<range.upperBound, kind: .other)) }
            case .number:
                body(Token(range: range, kind: .number))
            case .none:
                body(Token(range: range, kind: .other))
            }
        }
        // ASCII stretches go to the fast segmenter; ICU gets the rest, cut at boundaries that hold whatever
        // lies around them, so that both see the context their rules look at.
        var position = 0
        while position < units.count {
            guard let nonASCII = (position..<units.count).first(where: { units[$0] >= 0x80 }) else {
                ASCIIWordBreaks.segments(of: units, in: position..<units.count, emit)
                break
            }
            var cut = nonASCII
            while cut > position, !ASCIIWordBreaks.isCertainBoundary(units, at: cut) { cut -= 1 }
            ASCIIWordBreaks.segments(of: units, in: position..<cut, emit)
            var next = nonASCII + 1
            while next < units.count, !ASCIIWordBreaks.isCertainBoundary(units, at: next) { next += 1 }
            breaker.segments(of: UnsafeBufferPointer(rebasing: units[cut..<next])) { range, kind in
                emit(range.lowerBound + cut..<range.upperBound + cut, kind)
            }
            position = next
        }
    }

    /// Marks that only steer the direction of text: LRM, RLM, ALM, the embeddings, overrides and isolates
    /// and their terminators (PDF, PDI).
    static func isBidiControl(_ unit: UInt16) -> Bool {
        unit == 0x200E || unit == 0x200F || unit == 0x061C || (0x202A...0x202E).contains(unit)
            || (0x2066...0x2069).contains(unit)
    }

    /// A word token with its case information.
    package static func classify(_ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Token {
        var token = Token(range: range, kind: .word)
        var letters = 0
        var upper = 0
        var cased = 0
        scanLetters(range, in: units) { _, isUpper, isLower, isSeam in
            if letters == 0 { token.isCapitalized = isUpper }
            letters += 1
            if isUpper { upper += 1 }
            if isUpper || isLower { cased += 1 }
            if isSeam { token.hasSeams = true }
        }
        token.isUncased = letters > 0 && cased == 0
        token.isAllCaps = letters >= 2 && upper == letters
        return token
    }

    /// UTF-16 offsets in `token` where a lower-case letter is followed by an upper-case one: the seams of
    /// words glued together ("səhifəPoliticsBaku" → səhifə | Politics | Baku).
    public static func seams(of token: Token, in units: UnsafeBufferPointer<UInt16>) -> [Int] {
        guard token.hasSeams else { return [] }
        var seams: [Int] = []
        scanLetters(token.range, in: units) { index, _, _, isSeam in
            if isSeam { seams.append(index) }
        }
        return seams
    }

    /// Calls `body` with the offset of each letter in `range`, whether it is upper or lower case, and
    /// whether it is an upper-case letter right after a lower-case one (apostrophes and hyphens between
    /// them do not count as a gap).
    @inline(__always)
    private static func scanLetters(_ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>,
                                    _ body: (Int, Bool, Bool, Bool) -> Void) {
        var previousLower = false
        var index = range.lowerBound
        while index < range.upperBound {
            let unit = units[index]
            var value = UInt32(unit)
            var width = 1
            if unit & 0xFC00 == 0xD800, index + 1 < range.upperBound, units[index + 1] & 0xFC00 == 0xDC00 {
                value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
                width = 2
            }
            let isLetter: Bool
            let isUpper: Bool
            let isLower: Bool
            if value < 0x80 {
                isUpper = value &- 0x41 < 26
                isLower = value &- 0x61 < 26
                isLetter = isUpper || isLower
            } else if let scalar = Unicode.Scalar(value), CharacterProperties.isAlphabetic(scalar) {
                isLetter = true
                // Georgian Mkhedruli has had upper-case partners (Mtavruli) since Unicode 11, but running text
                // never capitalizes with them: for names it is a script without case.
                let mkhedruli = (0x10D0...0x10FF).contains(value)
                isUpper = !mkhedruli && CharacterProperties.isUppercase(scalar)
                isLower = !mkhedruli && !isUpper && CharacterProperties.isLowercase(scalar)
            } else {
                isLetter = false
                isUpper = false
                isLower = false
            }
            if isLetter {
                body(index, isUpper, isLower, isUpper && previousLower)
                previousLower = isLower
            } else if value != 0x27 && value != 0x2019 && value != 0x2D {
                previousLower = false
            }
            index += width
        }
    }
}

/// Converts UTF-16 offsets of one text into Unicode-scalar offsets, for offsets that arrive in order.
public struct ScalarOffsets {
    private let units: UnsafeBufferPointer<UInt16>
    private var utf16Position = 0
    private var scalarPosition = 0

    public init(units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    /// The scalar offset of UTF-16 offset `offset`; offsets must not decrease between calls.
    public mutating func scalarOffset(of offset: Int) -> Int {
        if offset < utf16Position {
            utf16Position = 0
            scalarPosition = 0
        }
        // Locals, not the stored positions, in the loop: it runs over every code unit of the text.
        var utf16 = utf16Position
        var scalars = scalarPosition
        while utf16 < offset {
            // A low surrogate after a high one continues the same scalar.
            if units[utf16] & 0xFC00 != 0xDC00 || utf16 == 0 || units[utf16 - 1] & 0xFC00 != 0xD800 {
                scalars += 1
            }
            utf16 += 1
        }
        utf16Position = utf16
        scalarPosition = scalars
        return scalars
    }
}
