import SystemICU

/// Latin look-alikes for letters of other alphabets, from ICU's confusable data (UTS #39 skeletons).
///
/// Two uses, both toward Latin only:
/// - a word mixing Latin letters with look-alikes from another alphabet, such as "Ваku" typed with a
///   Cyrillic В and а, is read as the Latin word it looks like;
/// - letters no transform romanizes (archaic Cyrillic ѡ) become the Latin letter they look like, so that
///   a key read again as a name comes out the same.
///
/// Never the other way: a Latin letter in a Cyrillic word passes through the Cyrillic transform unchanged,
/// which is what it sounds like in nearly every case, while a look-alike swap (Latin y to Cyrillic у)
/// would not be.
enum LookAlikes {
    /// Letters of the Cyrillic, Greek and Armenian alphabets with the ASCII letter they look like.
    private static let latin: [Unicode.Scalar: Unicode.Scalar] = {
        let skeleton = ConfusableSkeleton.shared
        var ascii: [String: Unicode.Scalar] = [:]
        for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
            let scalar = Unicode.Scalar(UInt8(value))
            let key = skeleton(String(scalar))
            if ascii[key] == nil { ascii[key] = scalar }
        }
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0x370)...0x587 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            if let lookAlike = ascii[skeleton(String(scalar))] { table[scalar] = lookAlike }
        }
        return table
    }()

    /// Replaces non-Latin letters by their Latin look-alikes, word by word, when every non-Latin letter of
    /// the word has one. With `mixedWordsOnly`, only words that also contain Latin letters are touched.
    /// - Returns: whether anything changed.
    static func latinize(_ scalars: inout [Unicode.Scalar], mixedWordsOnly: Bool, lowercase: Bool) -> Bool {
        var changed = false
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            if end > start, latinizeWord(&scalars, start..<end, mixedWordsOnly: mixedWordsOnly, lowercase: lowercase) {
                changed = true
            }
            start = end + 1
        }
        return changed
    }

    private static func latinizeWord(_ scalars: inout [Unicode.Scalar], _ range: Range<Int>, mixedWordsOnly: Bool,
                                     lowercase: Bool) -> Bool {
        var foreign: [Int] = []
        var hasLatin = false
        for index in range {
            switch Script.of(scalars[index]) {
            case .latin: hasLatin = true
            case .common, .inherited: continue
            default: foreign.append(index)
            }
        }
        guard !foreign.isEmpty, hasLatin || !mixedWordsOnly else { return false }
        let lookAlikes = foreign.compactMap { latin[scalars[$0]] }
        guard lookAlikes.count == foreign.count else { return false }
        for (index, lookAlike) in zip(foreign, lookAlikes) {
            scalars[index] = lowercase ? Unicode.Scalar(UInt8(ascii: lookAlike) | 0x20) : lookAlike
        }
        return true
    }
}
