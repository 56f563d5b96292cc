import Tokenization

extension MentionDetector {
    static func words(of units: UnsafeBufferPointer<UInt16>, tokenizer: Tokenizer,
                      wordFacts: (UnsafeBufferPointer<UInt16>) -> WordFacts) -> [Word] {
        var words: [Word] = []
        var previousEnd = 0
        var sentenceInitial = true
        var lineStart = 0
        tokenizer.forEachToken(of: units) { token in
            switch token.kind {
            case .word:
                // "belirtildi.Azerbaycan'a": a sentence ends inside what word break takes for one word.
                var start = token.range.lowerBound
                // Almost no word has a dot inside: those without get no array (an allocation per word).
                let dots = hasDot(token.range, units: units) ? sentenceDots(in: token.range, units: units) : []
                for dotIndex in 0...dots.count {
                    let end = dotIndex < dots.count ? dots[dotIndex] : token.range.upperBound
                    let piece = start == token.range.lowerBound && end == token.range.upperBound
                        ? token : Tokenizer.classify(start..<end, in: units)
                    if start > token.range.lowerBound {
                        sentenceInitial = true
                        previousEnd = start - 1
                    }
                    if let parts = split(piece, units: units, wordFacts: wordFacts) {
                        for part in parts {
                            let first = part.range.lowerBound == piece.range.lowerBound
                            words.append(Word(token: part, gapStart: first ? previousEnd : part.range.lowerBound,
                                              sentenceInitial: sentenceInitial && first, glued: !first))
                        }
                    } else {
                        words.append(Word(token: piece, gapStart: previousEnd, sentenceInitial: sentenceInitial, glued: false))
                    }
                    sentenceInitial = false
                    previousEnd = end
                    start = end + 1
                }
            case .number:
                sentenceInitial = false
                previousEnd = token.range.upperBound
            case .other:
                for index in token.range {
                    switch units[index] {
                    case 0x0A, 0x0D, 0x2029, 0x2028:
                        closeLine(from: &lineStart, in: &words)
                        sentenceInitial = true
                    case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2026, 0x0589, 0x055C, 0x055E:
                        // . ! ? : ; … and Armenian full stop, exclamation and question marks
                        sentenceInitial = true
                    default:
                        break
                    }
                }
            }
        }
        closeLine(from: &lineStart, in: &words)
        return words
    }

    /// Marks the words from `lineStart` on as a headline's when they are one, and starts the next line. Not a
    /// nested function: one capturing `words` made every append of a word pay a run-time exclusivity check.
    private static func closeLine(from lineStart: inout Int, in words: inout [Word]) {
        // A line of three or more cased words, most of them in capitals, is a headline.
        var cased = 0
        var caps = 0
        for word in words[lineStart...] where !word.isUncased {
            cased += 1
            if word.isAllCaps { caps += 1 }
        }
        if cased >= 3, Double(caps) >= 0.7 * Double(cased) {
            for index in lineStart..<words.count { words[index].capsLine = true }
        }
        lineStart = words.count
    }

    /// The parts of a word glued from several ("səhifəPoliticsBaku"), split at its seams; nil for a word
    /// that is one, or that names start with whole ("DeKalb", "McAllen").
    static func split(_ token: Token, units: UnsafeBufferPointer<UInt16>,
                      wordFacts: (UnsafeBufferPointer<UInt16>) -> WordFacts) -> [Token]? {
        guard token.hasSeams,
              wordFacts(UnsafeBufferPointer(rebasing: units[token.range])).longestName == 0
        else { return nil }
        var parts: [Token] = []
        var start = token.range.lowerBound
        for seam in Tokenizer.seams(of: token, in: units) + [token.range.upperBound] where seam > start {
            var part = Tokenizer.classify(start..<seam, in: units)
            part.hasSeams = false
            parts.append(part)
            start = seam
        }
        return parts
    }

    /// Where dots end sentences inside a word: between a lower-case letter and a capital, with no space
    /// ("belirtildi.Azerbaycan'a"); not in "L.A." or "3.5".
    static func sentenceDots(in range: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> [Int] {
        var dots: [Int] = []
        var index = range.lowerBound + 1
        while index + 1 < range.upperBound {
            if units[index] == 0x2E, isLetter(units[index - 1], upper: false), isLetter(units[index + 1], upper: true) {
                dots.append(index)
            }
            index += 1
        }
        return dots
    }

    /// Whether a word has a dot inside: almost none has, and only those need `sentenceDots`.
    private static func hasDot(_ range: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> Bool {
        for index in range where units[index] == 0x2E { return true }
        return false
    }

    private static func isLetter(_ unit: UInt16, upper: Bool) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return upper ? scalar.properties.isUppercase : scalar.properties.isLowercase
    }
}
