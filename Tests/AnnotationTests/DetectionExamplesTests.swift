import Annotation
import Foundation
import Testing

/// Real positive and negative examples of mention detection in each language of the region, one per line of
/// `Fixtures/detection-examples.tsv`: the text with every expected mention marked ⟦like this⟧ or, with its
/// GeoNames place, ⟦like this|174982⟧. A line with no marks expects no mention at all.
@Suite struct DetectionExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var line: Int
        var language: String
        var kind: String
        var text: String
        var expected: [AnnotationTestSupport.Found]

        var testDescription: String { "\(language) \(kind), line \(line): \(text)" }
    }

    static let examples: [Example] = {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("detection-examples.tsv")
        let table = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return table.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3 else { return nil }
            let (text, expected) = unmark(cells[2])
            return Example(line: index + 1, language: cells[0], kind: cells[1], text: text, expected: expected)
        }
    }()

    /// The text without its marks, and the marked mentions in order.
    static func unmark(_ marked: String) -> (String, [AnnotationTestSupport.Found]) {
        var text = ""
        var expected: [AnnotationTestSupport.Found] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "⟦"), let close = rest[open...].firstIndex(of: "⟧") {
            text += rest[..<open]
            let mark = rest[rest.index(after: open)..<close].split(separator: "|", maxSplits: 1)
            let span = String(mark.first ?? "")
            text += span
            expected.append(.init(span, mark.count > 1 ? Int(mark[1]) : nil))
            rest = rest[rest.index(after: close)...]
        }
        return (text + rest, expected)
    }

    /// Issue 11 asks for each kind of example in every language of the region.
    @Test func everyLanguageAndKindHasExamples() {
        let pairs = Set(Self.examples.map { "\($0.language) \($0.kind)" })
        for language in ["en", "ru", "hy", "az", "tr", "ka"] {
            for kind in ["abbreviation", "inflection", "person", "common", "organisation"] {
                #expect(pairs.contains("\(language) \(kind)"), "no \(kind) example in \(language)")
            }
        }
        #expect(Self.examples.contains { $0.expected.isEmpty } && Self.examples.contains { !$0.expected.isEmpty })
    }

    @Test(arguments: examples)
    func marksExactlyTheExpectedMentions(_ example: Example) throws {
        let found = try AnnotationTestSupport.mentions(example.text)
        // A mark without a place number checks only the span.
        let comparable = zip(found, example.expected).map { found, expected in
            expected.place == nil ? AnnotationTestSupport.Found(found.text, nil) : found
        } + found.dropFirst(example.expected.count)
        #expect(comparable == example.expected, "found \(found)")
    }

    @Test func mentionsSayWhyTheyWereTaken() throws {
        let reasons = try AnnotationTestSupport.annotator.annotate("ԱՄՆ-ի և Իտալիայի ներկայացուցիչները")
            .map(\.reasons)
        #expect(reasons == [[.abbreviation(expansion: "United States")], [.inflection(stem: "Իտալիա")]])
    }
}
