import Foundation
import GazetteerFixture
import Normalization
import Resolution
import Testing

/// The query rules are data a linguist edits: a malformed row must fail with its file and line.
@Suite struct ResolverRulesLoadingTests {
    /// A scratch copy of the shipped data folder's rules, with `text` appended to `file`.
    private func dataFolder(appending text: String, to file: String) throws -> URL {
        let shipped = try DataDirectory.resolve().appendingPathComponent("rules")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: shipped, to: folder.appendingPathComponent("rules"))
        let path = folder.appendingPathComponent("rules").appendingPathComponent(file)
        try (String(contentsOf: path, encoding: .utf8) + text).write(to: path, atomically: true, encoding: .utf8)
        return folder
    }

    /// Loading the rules with `text` appended to `file` fails at the appended (last) line of that file, with
    /// a reason containing `reason`.
    private func expectFault(appending text: String, to file: String, reason: String) throws {
        let folder = try dataFolder(appending: text, to: file)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rules").appendingPathComponent(file).path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        #expect {
            _ = try ResolverRules(directory: folder, normalizer: FixtureGazetteer.normalizer)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.file == path && error.line == lines && error.reason.contains(reason)
        }
    }

    @Test func shippedRulesLoad() throws {
        _ = try ResolverRules(normalizer: FixtureGazetteer.normalizer)
    }

    @Test func aReadingMustSayWhatItReads() throws {
        try expectFault(appending: "reading-key.txt\tkeys\tc\n", to: "readings.tsv", reason: "search-key or query")
    }

    @Test func aReadingNeedsLettersThatCallForIt() throws {
        try expectFault(appending: "reading-key.txt\tquery\t\n", to: "readings.tsv", reason: "no letters")
        try expectFault(appending: "reading-key.txt\tquery\tow\n", to: "readings.tsv", reason: "one lower-case letter")
        try expectFault(appending: "reading-key.txt\tquery\tJ\n", to: "readings.tsv", reason: "one lower-case letter")
    }

    /// ł is l in every search key: a search-key reading it called for would never run.
    @Test func aSearchKeyReadingCannotWaitForALetterTheKeyFolds() throws {
        try expectFault(appending: "reading-key.txt\tsearch-key\tł\n", to: "readings.tsv", reason: "never appears")
    }

    @Test func aReadingsRuleFileMustExistInTheFolder() throws {
        try expectFault(appending: "../match-key.txt\tquery\tc\n", to: "readings.tsv", reason: "not a file name")
        let folder = try dataFolder(appending: "no-such-rules.txt\tquery\tc\n", to: "readings.tsv")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try ResolverRules(directory: folder, normalizer: FixtureGazetteer.normalizer)
        } throws: { error in
            (error as? RuleError)?.file.hasSuffix("rules/no-such-rules.txt") == true
        }
    }

    @Test func aLetterSpellingIsOneLetterWrittenInLetters() throws {
        try expectFault(appending: "1\te\n", to: "letter-spellings.tsv", reason: "one lower-case letter")
        try expectFault(appending: "x\t\n", to: "letter-spellings.tsv", reason: "one or more letters")
        try expectFault(appending: "ə\ta\n", to: "letter-spellings.tsv", reason: "already listed")
    }
}
