import Foundation
import Normalization
import Testing

/// A broken rule file must fail with its file, line and reason, not with a crash or silent misbehaviour.
@Suite struct RuleLoadingTests {
    /// A scratch copy of the shipped rules folder, with `edit` applied to one file.
    private func rulesFolder(editing file: String, _ edit: (String) -> String) throws -> URL {
        let shipped = try DataDirectory.resolve().appendingPathComponent("rules")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shipped, to: folder)
        let path = folder.appendingPathComponent(file)
        try edit(String(contentsOf: path, encoding: .utf8)).write(to: path, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func shippedRulesLoadAndEveryTransformOpens() throws {
        let rules = try NormalizationRules()
        try rules.checkTransforms()
    }

    @Test func malformedMatchRuleNamesFileAndLine() throws {
        let folder = try rulesFolder(editing: NormalizationRules.matchKeyFile) { text in
            text.replacingOccurrences(of: "q > g ;", with: "q > g ;\nx > [ ;")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let expectedLine = try String(contentsOf: folder.appendingPathComponent(NormalizationRules.matchKeyFile),
                                      encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "x > [ ;" }.map { $0 + 1 }
        #expect {
            _ = try NormalizationRules(directory: folder)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.file.hasSuffix("match-key.txt") && error.line == expectedLine
                && error.description.contains("match-key.txt:\(expectedLine ?? 0)")
        }
    }

    @Test func malformedSearchRuleNamesTheFile() throws {
        let folder = try rulesFolder(editing: NormalizationRules.searchKeyFile) { $0 + "\nunterminated > 'x ;\n" }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try NormalizationRules(directory: folder)
        } throws: { error in
            (error as? RuleError)?.file.hasSuffix("search-key.txt") == true
        }
    }

    @Test func shortTableRowNamesItsLine() throws {
        let folder = try rulesFolder(editing: NormalizationRules.transliteratorsFile) { $0 + "Latn\tonly-two\n" }
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOf: folder.appendingPathComponent(NormalizationRules.transliteratorsFile),
                               encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(throws: RuleError(file: folder.appendingPathComponent("transliterators.tsv").path,
                                  line: lines.count - 1, reason: "expected 3 tab-separated cells, found 2")) {
            _ = try NormalizationRules(directory: folder)
        }
    }

    @Test func unknownTransformIsReportedWithItsLine() throws {
        let folder = try rulesFolder(editing: NormalizationRules.transliteratorsFile) {
            $0.replacingOccurrences(of: "Geor\t*\tka-ka_Latn/BGN", with: "Geor\t*\tGeorgian-Klingon")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try NormalizationRules(directory: folder)
        #expect {
            try rules.checkTransforms()
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.line > 0 && error.reason.contains("Georgian-Klingon")
        }
    }

    @Test func missingFileIsNamed() throws {
        let folder = try rulesFolder(editing: NormalizationRules.searchKeyFile) { $0 }
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(NormalizationRules.cyrillicLanguagesFile))
        #expect {
            _ = try NormalizationRules(directory: folder)
        } throws: { error in
            (error as? RuleError)?.description.contains("cyrillic-languages.tsv") == true
        }
    }

    @Test func editedRulesChangeKeysWithoutTouchingSwift() throws {
        // A linguist's change: Turkish-style h for Azerbaijani x instead of kh is already one key; make
        // Armenian ts and c meet as well, by data alone.
        let folder = try rulesFolder(editing: NormalizationRules.matchKeyFile) {
            $0.replacingOccurrences(of: "\nzh > j ;", with: "\nts > j ;\nzh > j ;")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let normalizer = NameNormalizer(rules: try NormalizationRules(directory: folder))
        #expect(normalizer.matchKey("Tsaghkadzor") == normalizer.matchKey("Caghkadzor"))
        #expect(try NameNormalizer().matchKey("Tsaghkadzor") != NameNormalizer().matchKey("Caghkadzor"))
    }
}
