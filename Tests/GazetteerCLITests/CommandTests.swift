import Foundation
import Testing

/// The command line as users and other tools meet it: output contracts, streaming, exit statuses.
@Suite struct CommandTests {
    let db = CommandRunner.database

    @Test func normalizeGivesTheSixSpellingsOneMatchKey() throws {
        let result = try CommandRunner.run(["normalize", "--format", "json", "Cermuk", "Jermuk", "Джермук", "Ջերմուկ",
                                            "Dzhermuk", "Džermuk"])
        #expect(result.status == 0)
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let objects = try #require(output?["names"] as? [[String: String]])
        #expect(objects.count == 6)
        #expect(Set(objects.map { $0["match_key"] }) == ["jarmuk"])
        #expect(Set(objects.flatMap { $0.keys }) == ["input", "display", "script", "search_key", "match_key"])
    }

    @Test func resolveStreamsOneNDJSONLinePerNameInOrder() throws {
        let names = ["Cermuk", "Gorus", "Zod", "Verin Shorja", "Karvachar", "Джермук", "Ջերմուկ", "press"]
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson"],
                                           input: names.joined(separator: "\n") + "\n")
        #expect(result.status == 1, "press resolves to nothing, so some names did not resolve")
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["query"] as? String } == names)
        let firstIDs = lines.map { (($0["results"] as? [[String: Any]])?.first?["id"] as? String) ?? "-" }
        #expect(firstIDs == ["geonames:174884", "geonames:174895", "geonames:616041", "geonames:616085",
                             "geonames:586047", "geonames:174884", "geonames:174884", "-"])
        let first = try #require((lines[0]["results"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["id", "geonameid", "name", "label", "country", "admin1", "admin1_code", "admin2",
                                    "feature", "feature_class", "feature_code", "lat", "lon", "population", "source",
                                    "score", "match"])
        let match = try #require(first["match"] as? [String: Any])
        #expect(match["name"] as? String == "Cermuk" && match["kind"] as? String == "alternate")
    }

    @Test func geoJSONIsAFeatureCollectionInLongitudeLatitudeOrder() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "geojson", "--limit", "1", "Goris", "Sotk"])
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let coordinates = (features[0]["geometry"] as? [String: Any])?["coordinates"] as? [Double]
        #expect(coordinates == [46.34167, 39.51111])
    }

    @Test func csvHasAHeaderAndQuotesFields() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "csv", "Springfield, IL"])
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("query,rank,id,geonameid,name,label,country,admin1,admin1_code,admin2,feature,"))
        #expect(lines[1].hasPrefix("\"Springfield, IL\",1,geonames:4250542,4250542,Springfield,\"Springfield, Illinois, United States\",US,Illinois,IL,"))
    }

    @Test func usageErrorsExitWith64AndAMissingDatabaseWith66() throws {
        let badFormat = try CommandRunner.run(["resolve", "--db", db, "--format", "xml", "Goris"])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("xml"))
        let badNear = try CommandRunner.run(["resolve", "--db", db, "--near", "north", "Goris"])
        #expect(badNear.status == 64 && badNear.stderr.contains("--near"))
        let missing = try CommandRunner.run(["resolve", "--db", "/nonexistent/db.sqlite", "Goris"])
        #expect(missing.status == 66 && missing.stderr.contains("gazetteer build"))
        let missingInput = try CommandRunner.run(["annotate", "--db", db, "/nonexistent.txt"])
        #expect(missingInput.status == 66)
        #expect(missingInput.stderr == "gazetteer: error: /nonexistent.txt: cannot read: No such file or directory\n")
    }

    @Test func countryBiasPutsJermukFirstForIstisu() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--country", "AM", "Istisu"])
        #expect(result.stdout.contains("\"results\":[{\"id\":\"geonames:174884\""))
    }

    @Test func infoListsEveryNameOfAPlace() throws {
        let result = try CommandRunner.run(["info", "--db", db, "geonames:174884"])
        #expect(result.status == 0)
        for name in ["Cermuk", "Istisu", "Джермук", "Ջերմուկ"] { #expect(result.stdout.contains(name)) }
        let unknown = try CommandRunner.run(["info", "--db", db, "geonames:1"])
        #expect(unknown.status == 1 && unknown.stderr.contains("geonames:1"))
    }

    @Test func statsShowsSourcesAndCounts() throws {
        let result = try CommandRunner.run(["stats", "--db", db, "--format", "json"])
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((stats["places"] as? Int) == 24)
        let labels = ((stats["sources"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
        #expect(Set(labels).isSuperset(of: ["geonames", "curated", "common"]))
    }

    @Test func importReportsMalformedRowsAndStrictModeFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let places = folder.appendingPathComponent("XX.txt")
        try """
            1\tGood\tGood\t\t40\t45\tP\tPPL\tAM\t\t10\t\t\t\t100\t\t\tUTC\t2020-01-01
            2\tBad\tBad\t\t95\t45\tP\tPPL\tAM\t\t10\t\t\t\t100\t\t\tUTC\t2020-01-01

            """.write(to: places, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("x.sqlite").path
        let lenient = try CommandRunner.run(["import", "geonames", places.path, "--out", out])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("XX.txt:2: warning: field 'latitude'"))
        #expect(lenient.stdout.contains("1 places") && lenient.stdout.contains("1 malformed row skipped"))
        let strictOut = folder.appendingPathComponent("strict.sqlite").path
        let strict = try CommandRunner.run(["import", "geonames", places.path, "--out", strictOut, "--strict"])
        #expect(strict.status == 65)
        #expect(!FileManager.default.fileExists(atPath: strictOut))
    }

    @Test func invalidUTF8OnStandardInputIsAnsweredNotFatal() throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson"], input: "Gor\u{FFFD}is\nGoris\n")
        #expect(result.stdout.split(separator: "\n").count == 2)
    }
}
