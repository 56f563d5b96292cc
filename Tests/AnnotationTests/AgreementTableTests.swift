import Annotation
import Foundation
import Normalization
import Testing

/// `Gazetteer/annotation/agreement.tsv`, the adjective endings that agree with a name's noun: the project's
/// table loads, and a faulty row is reported by file and line.
@Suite struct AgreementTableTests {
    private func load(_ text: String) throws(RuleError) -> [String: [AnnotationRules.Agreement]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agreement-\(UUID().uuidString).tsv")
        try? text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try AnnotationRules.agreements(path: url.path)
    }

    @Test func projectTableHasRussianAndGeorgianRowsOnly() throws {
        let path = try DataDirectory.resolve().appendingPathComponent("annotation/agreement.tsv").path
        let table = try AnnotationRules.agreements(path: path)
        #expect(table["Cyrl"]?.first == AnnotationRules.Agreement(oblique: "ого", nominatives: ["ый", "ий", "ой", "ое", "ее", "ые", "ие"]))
        #expect(table["Geor"]?.contains(AnnotationRules.Agreement(oblique: "", nominatives: ["ი"])) == true)
        // Armenian, Azerbaijani and Turkish adjectives do not agree: no rows, so no reading is tried.
        #expect(table["Armn"] == nil && table["Latn"] == nil)
    }

    @Test func rowsKeepTheirOrderAndSplitTheNominatives() throws {
        let table = try load("# comment\nCyrl\tом\tый ий\tnote\nCyrl\tой\tая\n")
        #expect(table["Cyrl"] == [.init(oblique: "ом", nominatives: ["ый", "ий"]), .init(oblique: "ой", nominatives: ["ая"])])
    }

    @Test func faultyRowsNameTheirLine() {
        #expect(throws: RuleError.self) { try load("Cyrl\tом\n") }
        do {
            _ = try load("# header\nCyrl\tом\tый\nCyrl\tой\t \n")
            Issue.record("a row without a nominative ending was accepted")
        } catch {
            #expect(error.line == 3 && error.reason.contains("nominative"))
        }
        do {
            _ = try load("cyrillic\tом\tый\n")
            Issue.record("a row with an unknown script was accepted")
        } catch {
            #expect(error.line == 1 && error.reason.contains("ISO 15924"))
        }
    }
}
