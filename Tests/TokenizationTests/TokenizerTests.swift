import PropertyBased
import SystemICU
import Testing
@testable import Tokenization

@Suite struct TokenizerTests {
    /// Segments of `text` as ICU alone finds them.
    static func icuSegments(_ units: [UInt16]) -> [Segment] {
        var segments: [Segment] = []
        units.withUnsafeBufferPointer { buffer in
            WordBreaker().segments(of: buffer) { range, kind in
                // Tokens are words whatever their script: kana and ideographs too.
                segments.append(Segment(range: range, kind: kind == .kana || kind == .ideographic ? .letter : kind))
            }
        }
        return segments
    }

    /// Segments of `text` as the tokenizer finds them (ASCII fast path and ICU together).
    static func tokenizerSegments(_ units: [UInt16]) -> [Segment] {
        units.withUnsafeBufferPointer { buffer in
            Tokenizer().tokens(of: buffer).map { token in
                let kind: WordKind = switch token.kind {
                case .word: .letter
                case .number: .number
                case .other: .none
                }
                return Segment(range: token.range, kind: kind)
            }
        }
    }

    struct Segment: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var kind: WordKind
        var description: String { "\(range.lowerBound)..<\(range.upperBound) \(kind)" }
    }

    /// Characters where word-break rules differ: letters, digits, the middle characters of UAX #29
    /// (. : ' , ;), connectors, spaces and line ends of every kind, and a few non-ASCII neighbours
    /// (curly apostrophe, combining mark, no-break and thin spaces, Cyrillic, an emoji, ZWJ).
    static let alphabet: [String] = [
        "a", "Z", "q", "0", "7", "_", ".", ":", "'", ",", ";", " ", " ", "\t", "\r", "\n", "\u{0B}", "\u{0C}",
        "-", "!", "\"", "(", "\u{01}", "\u{7F}", "@", "é", "\u{2019}", "\u{0301}", "\u{00A0}", "\u{2009}", "Ж", "😀", "\u{200D}",
        "\u{2029}", "日", "ヒ",
    ]

    static let randomText = Gen<Int>.int(in: 0...(alphabet.count - 1)).array(of: 0...30)
        .map { $0.map { alphabet[$0] }.joined() }
    /// ASCII text: the alphabet's ASCII characters, and any ASCII character at all.
    static let randomASCII = Gen<Int>.int(in: 0...(24 + 127)).array(of: 0...30)
        .map { $0.map { $0 <= 24 ? alphabet[$0] : String(UnicodeScalar(UInt8($0 - 24))) }.joined() }

    @Test func asciiFastPathAgreesWithICU() async {
        await propertyCheck(count: 5000, input: Self.randomASCII) { text in
            let units = Array(text.utf16)
            #expect(Self.tokenizerSegments(units) == Self.icuSegments(units), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func mixedTextAgreesWithICU() async {
        await propertyCheck(count: 5000, input: Self.randomText) { text in
            let units = Array(text.utf16)
            #expect(Self.tokenizerSegments(units) == Self.icuSegments(units), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(arguments: [
        "Kalbajar's mayor, U.S. officials and 1,000.5 people met at 10:30 in Goris.",
        "Azerbaijan’s army shelled Джермук and Ջերմուկ; “Sotk” (Zod) too.\r\nNext line",
        "e-mail_address foo_bar 3_000 a.b.c 1.2.3 x'y''z :a: 'quoted'",
    ])
    func sentencesAgreeWithICU(_ text: String) {
        let units = Array(text.utf16)
        #expect(Self.tokenizerSegments(units) == Self.icuSegments(units))
    }

    /// A span is the visible name: bidi controls on either side of a word stay outside it (UAX #29 alone
    /// would attach a trailing PDF or RLM to the word and leave a leading LRI apart).
    @Test func bidiControlsBesideAWordStayOutsideIt() {
        let text = "\u{2066}Goris\u{2069} and \u{202B}Горис\u{202C}\u{200F}, \u{200E}Ջերմուկ\u{200F}"
        let units = Array(text.utf16)
        let tokens = units.withUnsafeBufferPointer { Tokenizer().tokens(of: $0) }
        let words = tokens.filter { $0.kind == .word }.map { UTF16Text.string(Array(units[$0.range])) }
        #expect(words == ["Goris", "and", "Горис", "Ջերմուկ"])
        #expect(tokens.map(\.range.lowerBound) == [0] + tokens.dropLast().map(\.range.upperBound), "tokens tile the text")
        #expect(tokens.last?.range.upperBound == units.count)
    }

    /// Scalar offsets count a surrogate pair once, whether asked in order or again from an earlier offset.
    @Test func scalarOffsetsCountASurrogatePairOnce() {
        let text = "a😀Ջ\u{20000}b"
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { buffer in
            var offsets = ScalarOffsets(units: buffer)
            #expect([0, 1, 3, 4, 6, 7].map { offsets.scalarOffset(of: $0) } == [0, 1, 2, 3, 4, 5])
            #expect(offsets.scalarOffset(of: 3) == 2)
            #expect(offsets.scalarOffset(of: units.count) == text.unicodeScalars.count)
        }
    }

    @Test func classifiesCaseAndSeams() {
        let text = "Goris BAKU səhifəPoliticsBaku თბილისი DeKalb"
        let units = Array(text.utf16)
        let (words, seams) = units.withUnsafeBufferPointer { buffer in
            let words = Tokenizer().tokens(of: buffer).filter { $0.kind == .word }
            return (words, words.map { Tokenizer.seams(of: $0, in: buffer) })
        }
        #expect(words.map(\.isCapitalized) == [true, true, false, false, true])
        #expect(words.map(\.isAllCaps) == [false, true, false, false, false])
        #expect(words.map(\.isUncased) == [false, false, false, true, false])
        #expect(seams[2].map { $0 - words[2].range.lowerBound } == [6, 14])
        #expect(seams[4].map { $0 - words[4].range.lowerBound } == [2])
        #expect(words.map(\.hasSeams) == [false, false, true, false, true])
    }
}
