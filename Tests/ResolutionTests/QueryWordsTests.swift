@testable import Resolution
import Testing

/// The parser splits ASCII search keys into words by bytes: the words must be those of splitting the key's
/// `Character`s at spaces, which is what every caller was written against.
@Suite struct QueryWordsTests {
    static func characterWords(_ key: String) -> [String] {
        key.split(separator: " ").map(String.init)
    }

    @Test(arguments: ["", " ", "a", "a b", " a  b ", "new york city", "a\r\nb c", "\r\n \r\n", "st. louis", "a-b c'd",
                      "é b", " \u{301}a b", "a \u{301}b", "dzhermuk  jermuk"])
    func wordsAreTheCharacterWords(key: String) {
        #expect(QueryParser.words(of: key) == Self.characterWords(key))
    }

    @Test func wordsAreTheCharacterWordsOnRandomASCII() {
        // A fixed linear congruential sequence: the same 5,000 keys on every run, heavy in spaces and CR LF.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("  ab\r\n\t.'-xyz".utf8)
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let key = String(decoding: bytes, as: UTF8.self)
            #expect(QueryParser.words(of: key) == Self.characterWords(key), "\(bytes)")
        }
    }
}
