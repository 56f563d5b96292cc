@testable import SystemICU
import Testing

/// Long texts go through a gap buffer instead of ICU's plain buffer: both must give the same text.
@Suite struct GapTextTests {
    /// Rules that delete, expand, back the cursor up, reorder segments (ICU copies text for `$1`), look at
    /// context, and run built-in normalization steps.
    static let rules = """
        ' ' vo > o ; ' ' > ; oo > | o ; ye > a ; kh > h ; $c = [b-df-hj-np-tv-z] ; $c { y } [aeiou] > ;
        y } $ > i ; (a)(b) > $2 $1 ; x > ksx ; ::NFD ; ::[:Nonspacing Mark:] Remove ; ::NFC ;
        """

    static let alphabet: [String] = ["a", "b", "o", "o", "y", "e", "k", "h", "x", " ", " ", "v", "é", "Ջ", "Ж",
                                     "𐐀", "🌍", "\u{301}", "’", "ye", "kh"]

    /// A reproducible pseudo-random text.
    static func text(seed: UInt64, length: Int) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<length).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return alphabet[Int(state % UInt64(alphabet.count))]
        }.joined()
    }

    @Test(arguments: ["custom", "hy-hy_Latn/BGN", "Any-Latin", "ru-ru_Latn/BGN"])
    func gapTextAgreesWithThePlainBuffer(transform: String) throws {
        let transliterator = transform == "custom" ? try Transliterator(rules: Self.rules, name: "custom")
            : try Transliterator(id: transform)
        for seed in 1...200 {
            let units = Array(Self.text(seed: UInt64(seed), length: seed % 40 + 1).utf16)
            var plain = units
            var gap = units
            transliterator.transliterate(&plain, throughGapText: false)
            transliterator.transliterate(&gap, throughGapText: true)
            #expect(gap == plain, "seed \(seed): \(UTF16Text.string(units))")
        }
    }

    @Test func aMillionLetterWordCollapsesCompletely() throws {
        let collapse = try Transliterator(rules: "oo > | o ; ' ' > ;", name: "collapse")
        #expect(collapse("G" + String(repeating: "o", count: 1_000_000) + "ris") == "Goris")
        // One pass from left to right: a space deleted after an o does not make "oo" behind the cursor.
        #expect(collapse(String(repeating: "o o ", count: 300_000)) == String(repeating: "o", count: 600_000))
    }
}
