import SystemICU

/// UAX #29 word segmentation of ASCII text, giving exactly the segments and kinds ICU gives, at a fraction
/// of the cost: English news is almost all ASCII, and a break iterator spends most of its time on rules
/// that ASCII never reaches. The tokenizer hands ICU every stretch that holds anything else; a test checks
/// both against ICU on random text.
enum ASCIIWordBreaks {
    /// Word_Break property values of the ASCII characters (UAX #29, table 3), as ICU assigns them.
    enum Class: UInt8 {
        // No ASCII character is MidLetter in ICU's rules: it leaves the colon out.
        case other, letter, numeric, extendNumLet, midNumLet, singleQuote, midNum, cr, lf, newline, space
    }

    static let classes: [Class] = (0..<128).map { code -> Class in
        switch code {
        // ICU counts "@" as a letter, so that e-mail addresses stay one word.
        case 0x41...0x5A, 0x61...0x7A, 0x40: return .letter
        case 0x30...0x39: return .numeric
        case 0x5F: return .extendNumLet
        case 0x2E: return .midNumLet
        case 0x27: return .singleQuote
        case 0x2C, 0x3B: return .midNum
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        case 0x20: return .space
        default: return .other
        }
    }

    /// Whether there is a word boundary at `position` whatever surrounds the two characters beside it:
    /// both are ASCII and one is a space or line feed (but not two spaces, nor CR LF). Such positions cut
    /// a text into stretches that can be segmented apart.
    @inline(__always)
    static func isCertainBoundary(_ units: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        let before = units[position - 1]
        let after = units[position]
        guard before < 0x80, after < 0x80 else { return false }
        if before == 0x0A { return true }
        if after == 0x0A { return before != 0x0D }
        return (before == 0x20) != (after == 0x20)
    }

    /// Calls `body` with each segment of the ASCII characters `units[range]` and its kind, in order.
    static func segments(of units: UnsafeBufferPointer<UInt16>, in range: Range<Int>,
                         _ body: (Range<Int>, WordKind) -> Void) {
        classes.withUnsafeBufferPointer { classes in
            let end = range.upperBound
            @inline(__always) func classAt(_ position: Int) -> Class {
                position < end ? classes[Int(units[position])] : .other
            }
            var index = range.lowerBound
            while index < end {
                let start = index
                switch classAt(index) {
                case .cr:
                    index += classAt(index + 1) == .lf ? 2 : 1
                    body(start..<index, .none)
                case .space:
                    while classAt(index) == .space { index += 1 }
                    body(start..<index, .none)
                case .letter, .numeric, .extendNumLet:
                    // ICU's kind comes from the rule that joined the last two characters: "a0" is a number,
                    // "0a" and "a_" words, "0_" a number, "__" a word; a lone "_" is nothing.
                    var last = Class.other
                    var beforeLast = Class.other
                    var previous = Class.other
                    scan: while index < end {
                        let current = classAt(index)
                        switch current {
                        case .letter, .numeric, .extendNumLet:
                            beforeLast = last
                            last = current
                        case .midNumLet, .singleQuote, .midNum:
                            // "Kalbajar's", "U.S", "3.5", "1,000": a middle character joins two of a kind.
                            let next = classAt(index + 1)
                            let betweenLetters = previous == .letter && next == .letter && current != .midNum
                            let betweenDigits = previous == .numeric && next == .numeric
                            guard betweenLetters || betweenDigits else { break scan }
                        default:
                            break scan
                        }
                        previous = current
                        index += 1
                    }
                    switch (beforeLast, last) {
                    case (_, .letter), (.letter, .extendNumLet), (.extendNumLet, .extendNumLet):
                        body(start..<index, .letter)
                    case (_, .numeric), (.numeric, .extendNumLet):
                        body(start..<index, .number)
                    default:
                        body(start..<index, .none)
                    }
                default:
                    index += 1
                    body(start..<index, .none)
                }
            }
        }
    }
}
