import Foundation
import Testing

/// Issue 14: one output schema, whose shape never depends on how many inputs there are, with the fields
/// users of other geoparsers expect. `Scripts/check-schema` validates every format against docs/schema/.
@Suite struct OutputSchemaTests {
    let db = CommandRunner.database

    private func object(_ arguments: [String], input: String? = nil) throws -> [String: Any] {
        let result = try CommandRunner.run(arguments, input: input)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The shape of a JSON value: its keys and the shapes of its first elements, without the values.
    private func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):" + shape(object[$0] as Any) }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + (array.first.map(shape) ?? "") + "]"
        default:
            return "_"
        }
    }

    @Test func resolveJSONHasOneShapeForOneNameOrMany() throws {
        let one = try object(["resolve", "--db", db, "--format", "json", "Goris"])
        let two = try object(["resolve", "--db", db, "--format", "json", "Goris", "Sotk"])
        #expect(shape(one) == shape(two))
        #expect((one["resolutions"] as? [Any])?.count == 1 && (two["resolutions"] as? [Any])?.count == 2)
        #expect((one["attribution"] as? String)?.contains("GeoNames") == true)
    }

    @Test func annotateJSONHasOneShapeForOneDocumentOrMany() throws {
        let one = try object(["annotate", "--db", db, "--format", "json", "-"], input: "Goris and Sotk.")
        let lines = try object(["annotate", "--db", db, "--format", "json", "--lines", "-"], input: "Goris and Sotk.\nJermuk.\n")
        #expect(shape(one) == shape(lines))
        #expect((lines["documents"] as? [Any])?.count == 2)
    }

    @Test func resultsCarryGeoNamesIDsFeaturePartsAndALabel() throws {
        let output = try object(["resolve", "--db", db, "--format", "json", "Jermuk"])
        let resolution = try #require((output["resolutions"] as? [[String: Any]])?.first)
        let jermuk = try #require((resolution["results"] as? [[String: Any]])?.first)
        #expect(jermuk["geonameid"] as? Int == 174884)
        #expect(jermuk["feature_class"] as? String == "P" && jermuk["feature_code"] as? String == "PPL")
        #expect(jermuk["label"] as? String == "Jermuk, Vayots Dzor, Armenia")
        #expect(jermuk["admin1_code"] as? String == "10")
    }

    @Test func documentsSummariseTheirCountriesDivisionsAndPlaces() throws {
        let output = try object(["annotate", "--db", db, "--format", "json", "-"],
                                input: "Goris, Goris again, Sotk and Jermuk; Azerbaijan fired.")
        let document = try #require((output["documents"] as? [[String: Any]])?.first)
        let summary = try #require(document["summary"] as? [String: [[String: Any]]])
        let countries = try #require(summary["countries"])
        #expect(countries.first?["country"] as? String == "AM" && countries.first?["mentions"] as? Int == 4)
        #expect(countries.first?["name"] as? String == "Armenia")
        #expect(countries.contains { $0["country"] as? String == "AZ" && $0["id"] as? String == "geonames:587116" })
        let places = try #require(summary["places"])
        #expect(places.first?["id"] as? String == "geonames:174895" && places.first?["mentions"] as? Int == 2)
    }

    @Test func everyFormatSpellsAFieldTheSameWay() throws {
        let csv = try CommandRunner.run(["resolve", "--db", db, "--format", "csv", "Verin Shorza", "--min-score", "0.3"])
        #expect(csv.stdout.hasPrefix("query,rank,id,geonameid,"))
        #expect(csv.stdout.contains("match_type") && !csv.stdout.contains("matchType"))
        let geojson = try CommandRunner.run(["resolve", "--db", db, "--format", "geojson", "Goris"])
        #expect(geojson.stdout.contains("\"match\":{\"name\"") && !geojson.stdout.contains("matchType"))
        let stats = try CommandRunner.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.stdout.contains("\"names_by_kind\"") && !stats.stdout.contains("namesByKind"))
    }
}
