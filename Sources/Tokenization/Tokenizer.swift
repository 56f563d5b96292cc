import SystemICU

/// Splits text into tokens at UAX #29 word boundaries (ICU), classifying each word's case.
///
/// Works on UTF-16 code units, ICU's own encoding, so boundaries come without conversion; ``ScalarOffsets``
/// turns UTF-16 offsets into the Unicode-scalar offsets output contracts use. One tokenizer per task: it
/// holds an ICU break iterator.
public final class Tokenizer {
    private let breaker = WordBreaker()

    public init() {}

    /// The tokens of `units`, in order; together they cover the text.
    public func tokens(of units: UnsafeBufferPointer<UInt16>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(units.count / 3)
        breaker.segments(of: units) { range, kind in
            switch kind {
            case .letter, .kana, .ideographic:
                tokens.append(Self.classify(range, in: units))
            case .number:
                tokens.append(Token(range: range, kind: .number))
            case .none:
                tokens.append(Token(range: range, kind: .other))
            }
        }
        return tokens
    }

    /// A word token with its case information.
    public static func classify(_ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Token {
        var token = Token(range: range, kind: .word)
        var letters = 0
        var upper = 0
        var cased = 0
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
            if let scalar = Unicode.Scalar(value), CharacterProperties.isAlphabetic(scalar) {
                let isUpper = CharacterProperties.isUppercase(scalar)
                let isLower = !isUpper && CharacterProperties.isLowercase(scalar)
                if letters == 0 { token.isCapitalized = isUpper }
                letters += 1
                if isUpper { upper += 1 }
                if isUpper || isLower { cased += 1 }
                if isUpper, previousLower { token.seams.append(index) }
                previousLower = isLower
            } else if value != 0x27 && value != 0x2019 && value != 0x2D {
                previousLower = false
            }
            index += width
        }
        token.isUncased = letters > 0 && cased == 0
        token.isAllCaps = letters >= 2 && upper == letters
        return token
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
        while utf16Position < offset {
            // A low surrogate after a high one continues the same scalar.
            if units[utf16Position] & 0xFC00 != 0xDC00 || utf16Position == 0
                || units[utf16Position - 1] & 0xFC00 != 0xD800 {
                scalarPosition += 1
            }
            utf16Position += 1
        }
        return scalarPosition
    }
}
