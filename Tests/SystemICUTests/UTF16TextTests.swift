import Testing
@testable import SystemICU

@Suite struct UTF16TextTests {
    /// Scalars of every UTF-8 length: ASCII, two bytes (é, Ж, Ա), three (’, Georgian, CJK, U+FFFD) and four
    /// (emoji, a supplementary ideograph), next to each other.
    static let alphabet: [String] = ["a", "Z", " ", "\n", "\u{7F}", "é", "Ж", "Ա", "\u{07FF}", "\u{0800}", "’", "ქ", "日",
                                     "\u{FFFD}", "\u{FFFF}", "😀", "\u{20000}", "\u{10FFFF}", "\u{0301}"]

    @Test func unitsAreTheUTF16View() {
        // 2,000 strings of up to 40 scalars drawn from the alphabet by a fixed xorshift sequence.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<2000 {
            let text = (0..<next(41)).map { _ in Self.alphabet[next(Self.alphabet.count)] }.joined()
            #expect(UTF16Text.units(text) == Array(text.utf16), "\(Array(text.unicodeScalars))")
        }
        for text in ["", "Goris", "Azerbaijan’s army shelled Джермук and Ջերմուկ 😀", String(repeating: "ş", count: 1000)] {
            #expect(UTF16Text.units(text) == Array(text.utf16))
        }
    }
}
