import Foundation
import Testing

/// `gazetteer --version` and the version's one source of truth, kept in step with CHANGELOG.md.
@Suite struct VersionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func versionNamesTheVersionDataDatabaseAndRules() throws {
        let result = try CommandRunner.run(["--version"], environment: ["GAZETTEER_DB": "/nonexistent/default.sqlite"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("gazetteer ") == true)
        #expect(lines.contains { $0.hasPrefix("data: ") && $0.contains("fingerprint") })
        #expect(lines.contains("database: /nonexistent/default.sqlite, not built yet (built on first use)"))
        #expect(lines.contains { $0.hasPrefix("rules: fingerprint ") })
    }

    @Test func theChangelogAgreesWithTheVersion() throws {
        let version = try #require(try CommandRunner.run(["--version"]).stdout.split(separator: "\n").first)
            .dropFirst("gazetteer ".count)
        let changelog = try String(contentsOf: Self.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        if version.hasSuffix("-dev") {
            #expect(changelog.contains("\n## [Unreleased]\n"), "a development version gathers changes under Unreleased")
            #expect(!changelog.contains("\n## [\(version.dropLast("-dev".count))]"), "\(version) is already released")
        } else {
            #expect(changelog.contains("\n## [\(version)] - "), "a released version has its CHANGELOG section")
        }
    }

    @Test func statsNamesTheVersionThatBuiltTheDatabase() throws {
        let version = try #require(try CommandRunner.run(["--version"]).stdout.split(separator: "\n").first)
        let text = try CommandRunner.run(["stats", "--db", CommandRunner.database])
        #expect(text.stdout.split(separator: "\n").first?.hasSuffix("by \(version)") == true, "\(text.stdout)")
        let json = try CommandRunner.run(["stats", "--db", CommandRunner.database, "--format", "json"])
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(("gazetteer " + ((stats["metadata"] as? [String: String])?["gazetteer_version"] ?? "")) == version)
    }

    @Test func noArgumentsShowTheHelpWithTheDataLookupOrder() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        for phrase in ["$GAZETTEER_DATA", "../share/gazetteer", "$GAZETTEER_DB", "--version", "NO_COLOR"] {
            #expect(result.stdout.contains(phrase), "\(phrase)")
        }
        let bare = try CommandRunner.run([])
        #expect(bare.status == 0 && bare.stdout.contains("SUBCOMMANDS"))
    }
}
