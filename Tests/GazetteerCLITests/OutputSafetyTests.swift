import Foundation
import Testing

/// Issue 10, row 15: what an article or a query contains must not steer a terminal or a spreadsheet.
@Suite struct OutputSafetyTests {
    let db = CommandRunner.database

    @Test func controlSequencesInTheArticleAreShownNotSent() throws {
        let article = "Shelling reached Goris.\u{1B}]0;pwned\u{07}\u{1B}[2J Then Jermuk\u{9B}31m.\r\nNext line\rover"
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "text", "-"], input: article)
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(result.stdout.contains("Goris⟦Goris, AM⟧.␛]0;pwned␇␛[2J Then Jermuk⟦Jermuk, AM⟧�31m.\r\nNext line␍over"))
    }

    @Test func controlSequencesInAQueryAreShownNotSent() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "text", "\u{1B}[31mGoris"])
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B })
        #expect(result.stdout.contains("␛[31mGoris"))
    }

    @Test func csvFieldsThatASpreadsheetWouldRunAreQuotedAsText() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "csv", "=cmd|calc!A1", "Goris"])
        let rows = result.stdout.components(separatedBy: "\r\n")
        #expect(rows.contains { $0.hasPrefix("'=cmd|calc!A1,") })
        let goris = try #require(rows.first { $0.hasPrefix("Goris,1,") })
        #expect(goris.contains(",46.34167,"), "numbers are left as they are")
    }
}
