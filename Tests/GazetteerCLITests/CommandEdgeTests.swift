import Foundation
import GazetteerFixture
import Testing

/// The command line's edges as a new user meets them: negative numbers, bare ids, standard input, colour,
/// filters that can match nothing, one-line runtime errors (issue 14 item 5, issue 10 rows 6 and 14).
@Suite struct CommandEdgeTests {
    let db = CommandRunner.database

    @Test func negativeCoordinatesParseInTheSpacedAndTheEqualsForm() throws {
        let spaced = try CommandRunner.run(["resolve", "--db", db, "--format", "csv", "--min-score", "0",
                                            "--near", "-10,-93.3", "Springfield"])
        let equals = try CommandRunner.run(["resolve", "--db", db, "--format", "csv", "--min-score", "0",
                                            "--near=-10,-93.3", "Springfield"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(!spaced.stderr.contains("Missing value"))
        #expect(spaced.stdout.contains("geonames:4409896") && spaced.stdout == equals.stdout)
        let annotate = try CommandRunner.run(["annotate", "--db", db, "--format", "json", "--near", "-10,-93.3", "-"],
                                             input: "Springfield")
        #expect(annotate.status == 0, "\(annotate.stderr)")
        let outside = try CommandRunner.run(["resolve", "--db", db, "--near", "-91,0", "Goris"])
        #expect(outside.status == 64 && outside.stderr.contains("--near must be LAT,LON"))
    }

    @Test func negativeCountsAreRangeErrorsNotMissingValues() throws {
        for arguments in [["resolve", "--limit", "-1", "Goris"], ["resolve", "--min-score", "-0.5", "Goris"],
                          ["annotate", "--alternatives", "-2", "-"], ["stats", "--top", "-1"]] {
            let result = try CommandRunner.run(Array(arguments.prefix(1)) + ["--db", db] + arguments.dropFirst())
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(arguments[1]) && !result.stderr.contains("Missing value"), "\(result.stderr)")
        }
    }

    @Test func infoAcceptsABareGeoNamesID() throws {
        let result = try CommandRunner.run(["info", "--db", db, "--format", "json", "174884"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"geonames:174884\"") && result.stdout.contains("Ջերմուկ"))
        let prefixed = try CommandRunner.run(["info", "--db", db, "--format", "json", "geonames:174884"])
        #expect(prefixed.stdout == result.stdout)
    }

    @Test func normalizeDashReadsStandardInput() throws {
        let result = try CommandRunner.run(["normalize", "-"], input: "Cermuk\nДжермук\n")
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map(\.first) == ["Cermuk", "Джермук"])
        #expect(rows.map(\.last) == ["jarmuk", "jarmuk"])
    }

    @Test func anUnknownFeatureClassIsAUsageErrorNamingTheClasses() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--feature", "Q", "Goris"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--feature") && result.stderr.contains("P (city, village)"))
        let absentClass = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--feature", "U", "Goris"])
        #expect(absentClass.status == 1, "a real class that the database lacks finds nothing")
        #expect(absentClass.stderr == "gazetteer: warning: --feature U: no place in the database is of class U\n")
    }

    @Test func aFeatureCodeNoPlaceHasIsAOneLineErrorNamingTheCodesThereAre() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--feature", "P.XYZ", "Goris"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("gazetteer: error: --feature P.XYZ") && result.stderr.contains("PPLA"))
        #expect(result.stderr.split(separator: "\n").count == 1, "a runtime error is one line, without the usage")
        let lowerCase = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--feature", "p.ppl", "Goris"])
        #expect(lowerCase.status == 0 && lowerCase.stdout.contains("geonames:174895"))
    }

    @Test func aCountryNoPlaceIsInGivesAWarning() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--country", "XX,AM", "Goris"])
        #expect(result.status == 0)
        #expect(result.stderr == "gazetteer: warning: --country: no place in the database is in XX\n")
        let annotate = try CommandRunner.run(["annotate", "--db", db, "--format", "json", "--country", "ZZ", "-"],
                                             input: "Goris")
        #expect(annotate.status == 0 && annotate.stderr.contains("ZZ"))
        let known = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--country", "AM", "Goris"])
        #expect(known.stderr.isEmpty)
    }

    @Test func runtimeErrorsAreOneLine() throws {
        let result = try CommandRunner.run(["resolve", "--db", "/nonexistent/db.sqlite", "Goris"])
        #expect(result.status == 66)
        #expect(result.stderr.split(separator: "\n").count == 1 && !result.stderr.contains("Usage"))
    }

    @Test func colourOnATerminalUnlessNoColorOrADumbTerminal() throws {
        let arguments = ["annotate", "--db", db, "--format", "text", "-"]
        let coloured = try CommandRunner.runOnTerminal(arguments, input: "Goris", environment: ["TERM": "xterm", "NO_COLOR": ""])
        #expect(coloured.contains("\u{1B}["), "\(coloured.debugDescription)")
        #expect(coloured.contains("Goris"))
        for environment in [["TERM": "xterm", "NO_COLOR": "1"], ["TERM": "dumb", "NO_COLOR": ""]] {
            let plain = try CommandRunner.runOnTerminal(arguments, input: "Goris", environment: environment)
            #expect(plain.contains("Goris⟦") && !plain.contains("\u{1B}"), "\(environment): \(plain.debugDescription)")
        }
    }

    /// An environment whose default database is built on first use from a small data folder: the project's
    /// rules and the resolver fixtures, so that the build is quick. The caller removes `folder`.
    private static func firstUseEnvironment() throws -> (environment: [String: String], folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-first-use-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: root.appendingPathComponent("Gazetteer/rules"), to: data.appendingPathComponent("rules"))
        try FileManager.default.copyItem(at: URL(fileURLWithPath: FixtureGazetteer.file("places.txt")),
                                         to: data.appendingPathComponent("places.txt"))
        try "places\tplaces.txt\tgeonames\n".write(to: data.appendingPathComponent("build.tsv"), atomically: true, encoding: .utf8)
        return (["GAZETTEER_DATA": data.path, "GAZETTEER_DB": folder.appendingPathComponent("default.sqlite").path], folder)
    }

    @Test func aFirstUseBuildReportsEachStageInAPipe() throws {
        let (environment, folder) = try Self.firstUseEnvironment()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["resolve", "--format", "ndjson", "Goris"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let stages = result.stderr.split(separator: "\n").filter { $0.hasPrefix("gazetteer: building the gazetteer: ") }
        #expect(stages.count >= 3, "\(result.stderr)")
        #expect(Set(stages).count == stages.count, "one line per stage, not a line per update")
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
        let again = try CommandRunner.run(["resolve", "--format", "ndjson", "Goris"], environment: environment)
        #expect(again.stderr.isEmpty, "no build, no progress")
    }

    @Test func aFirstUseBuildOnADumbTerminalReportsLinesNotABar() throws {
        let (environment, folder) = try Self.firstUseEnvironment()
        defer { try? FileManager.default.removeItem(at: folder) }
        let screen = try CommandRunner.runOnTerminal(["resolve", "--format", "ndjson", "Goris"], input: "",
                                                     environment: environment.merging(["TERM": "dumb"]) { $1 },
                                                     withErrors: true)
        #expect(screen.contains("gazetteer: building the gazetteer: ") && !screen.contains("\u{1B}"), "\(screen.debugDescription)")
        #expect(screen.contains("geonames:174895"))
    }
}
