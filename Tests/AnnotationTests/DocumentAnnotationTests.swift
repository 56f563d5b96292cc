import Annotation
import Foundation
import Normalization
import Testing

/// Long documents: annotated window by window with the context carried forward, and words longer than any
/// name passed over.
@Suite struct DocumentAnnotationTests {
    typealias Found = AnnotationTestSupport.Found
    let annotator = AnnotationTestSupport.annotator

    /// The mentions of `windows`, annotated as consecutive windows of one document.
    func windowed(_ windows: [String]) throws -> [Mention] {
        let document = DocumentAnnotation(annotator: annotator)
        var mentions: [Mention] = []
        for window in windows { try document.annotate(window) { mentions.append($0) } }
        return mentions
    }

    /// `text` cut into windows of at most `limit` bytes where ``DocumentWindows`` cuts.
    static func windows(of text: String, limit: Int) -> [String] {
        var bytes = Array(text.utf8)[...]
        var windows: [String] = []
        while !bytes.isEmpty {
            let length = bytes.count <= limit ? bytes.count
                : Array(bytes).withUnsafeBufferPointer { DocumentWindows.firstWindowLength(of: $0, limit: limit) }
            #expect(length > 0)
            windows.append(String(decoding: bytes.prefix(length), as: UTF8.self))
            bytes = bytes.dropFirst(length)
        }
        return windows
    }

    static func summary(_ mentions: [Mention]) -> [String] {
        mentions.map { "\($0.start)-\($0.end) \($0.text) \($0.place?.place.id ?? "-") \($0.score)" }
    }

    static let article = try! String(contentsOf: DataDirectory.resolve().appendingPathComponent("samples/border-news.txt"),
                                     encoding: .utf8)

    @Test func anArticleInOneWindowIsAnnotatedAsAWhole() throws {
        let windows = Self.windows(of: Self.article, limit: DocumentWindows.defaultSize)
        #expect(windows.count == 1)
        let whole = try annotator.annotate(Self.article)
        #expect(whole.count > 20)
        #expect(Self.summary(try windowed(windows)) == Self.summary(whole))
    }

    @Test func smallWindowsFindTheSameSpansAtTheSameOffsets() throws {
        let windows = Self.windows(of: Self.article, limit: 300)
        #expect(windows.count > 3)
        #expect(windows.joined() == Self.article)
        let spans = { (mentions: [Mention]) in mentions.map { "\($0.start)-\($0.end) \($0.text)" } }
        #expect(spans(try windowed(windows)) == spans(try annotator.annotate(Self.article)))
    }

    @Test func placesOfEarlierWindowsChooseAmongNamesakes() throws {
        // Istisu alone is a village in Kalbajar; after Goris, Sotk and Jermuk it is Jermuk.
        let first = "Azerbaijan fired at Goris, Sotk and Jermuk, regions of Armenia.\n"
        let second = "Istisu was shelled again.\n"
        let alone = try annotator.annotate(second).map { $0.place?.place.id }
        let carried = try windowed([first, second]).filter { $0.text == "Istisu" }
        #expect(alone != ["geonames:174884"])
        #expect(carried.map(\.place?.place.id) == ["geonames:174884"])
        #expect(carried.map(\.start) == [first.unicodeScalars.count])
    }

    @Test func peopleOfEarlierWindowsStayPeople() throws {
        let lines = ["Chiquita Raquel Henry, 19, was arrested.\n", "Henry told deputies she had a lighter.\n"]
        #expect(try windowed(lines).allSatisfy { $0.text != "Henry" })
        #expect(Self.summary(try windowed(lines)) == Self.summary(try annotator.annotate(lines.joined())))
    }

    @Test func aLongLineIsCutAfterASentenceAndNeverInsideACharacter() {
        let line = String(repeating: "Shelling near Ջերմուկ continued. ", count: 40)
        let windows = Self.windows(of: line, limit: 200)
        #expect(windows.joined() == line)
        #expect(windows.dropLast().allSatisfy { $0.hasSuffix("continued. ") })
        let word = String(repeating: "Ջ", count: 500)
        #expect(Self.windows(of: word, limit: 101).joined() == word)
    }

    @Test func aWordLongerThanAnyNameIsPassedOver() throws {
        let text = "G" + String(repeating: "o", count: 1_000_000) + "ris shelled Goris."
        let found = try annotator.annotate(text)
        #expect(found.map(\.text) == ["Goris"])
        #expect(found.first?.start == 1_000_013)
    }
}
