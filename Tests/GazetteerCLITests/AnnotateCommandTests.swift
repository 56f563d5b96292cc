import Foundation
import Testing

/// `gazetteer annotate` as tools meet it: the JSON contract our evaluation depends on, NDJSON per line,
/// GeoJSON, a self-contained HTML page, and errors.
@Suite struct AnnotateCommandTests {
    let db = CommandRunner.database
    static let article = "Azerbaijan fired at Goris and Jermuk (Gorus and Istisu), and at the Xyzabad district. 😀 Sotk too."

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func jsonIsADocumentOfMentionsWithScalarOffsets() throws {
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "json", "-"], input: Self.article)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(try json(result.stdout) as? [String: Any])
        let documents = try #require(output["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        let object = documents[0]
        #expect(Set(object.keys) == ["document", "mentions", "summary"])
        let mentions = try #require(object["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["text"] as? String } == ["Azerbaijan", "Goris", "Jermuk", "Gorus", "Istisu", "Xyzabad", "Sotk"])
        let scalars = Array(Self.article.unicodeScalars)
        for mention in mentions {
            #expect(Set(mention.keys) == ["start", "end", "text", "score", "place", "alternatives", "reasons"])
            let start = try #require(mention["start"] as? Int)
            let end = try #require(mention["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == mention["text"] as? String)
        }
        // Istisu beside Jermuk is Jermuk; an unknown name with a generic word is reported without a place.
        let places = mentions.map { ($0["place"] as? [String: Any])?["id"] as? String }
        #expect(places == ["geonames:587116", "geonames:174895", "geonames:174884", "geonames:174895",
                           "geonames:174884", nil, "geonames:616041"])
        let reasons = mentions.map { (($0["reasons"] as? [[String: Any]])?.first?["type"] as? String) ?? "-" }
        #expect(reasons[1] == "name" && reasons[5] == "generic_word", "\(reasons)")
        let place = try #require(mentions[1]["place"] as? [String: Any])
        #expect(Set(place.keys) == ["id", "geonameid", "name", "label", "country", "admin1", "admin1_code", "admin2",
                                    "feature", "feature_class", "feature_code", "lat", "lon", "population", "source",
                                    "score", "match"])
    }

    @Test func severalInputsGiveOneDocumentEach() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("annotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let first = directory.appendingPathComponent("a.txt")
        let second = directory.appendingPathComponent("b.txt")
        try "Goris".write(to: first, atomically: true, encoding: .utf8)
        try "Nothing here.".write(to: second, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "json", first.path, second.path])
        let array = try #require((try json(result.stdout) as? [String: Any])?["documents"] as? [[String: Any]])
        #expect(array.map { $0["document"] as? String } == [first.path, second.path])
        #expect(array.map { ($0["mentions"] as? [Any])?.count } == [1, 0])
    }

    @Test func ndjsonWithLinesGivesOneObjectPerLineInOrder() throws {
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "ndjson", "--lines", "-"],
                                           input: "Goris and Sotk\n\nJermuk\n")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let objects = try lines.map { try #require(try json(String($0)) as? [String: Any]) }
        #expect(objects.map { $0["document"] as? String } == ["-:1", "-:2", "-:3"])
        #expect(objects.map { ($0["mentions"] as? [Any])?.count } == [2, 0, 1])
    }

    @Test func geoJSONHasAFeaturePerPlaceWithItsMentions() throws {
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "geojson", "-"], input: Self.article)
        let collection = try #require(try json(result.stdout) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        let jermuk = try #require(features.first { (($0["properties"] as? [String: Any])?["id"] as? String) == "geonames:174884" })
        #expect(((jermuk["properties"] as? [String: Any])?["mentions"] as? [Any])?.count == 2)
        #expect((jermuk["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [45.67112, 39.83948])
    }

    @Test func htmlIsOneSelfContainedEscapedPage() throws {
        let text = "Shelling near <script>alert(\"x&y\")</script> Goris and the Xyzabad district."
        let first = try CommandRunner.run(["annotate", "--db", db, "--format", "html", "-"], input: text)
        let second = try CommandRunner.run(["annotate", "--db", db, "--format", "html", "-"], input: text)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout, "the page is deterministic")
        #expect(first.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(first.stdout.contains("&lt;script&gt;alert") && !first.stdout.contains("<script>alert"))
        #expect(first.stdout.components(separatedBy: "<script>").count == 2, "one script: the page's own")
        #expect(first.stdout.contains("<svg class=\"map\""))
        #expect(first.stdout.contains("class=\"place\"") && first.stdout.contains("class=\"unresolved\""))
        #expect(!first.stdout.contains("src=") && !first.stdout.contains("<link"))
        let lines = try CommandRunner.run(["annotate", "--db", db, "--format", "html", "--lines", "-"], input: text)
        #expect(lines.status == 64 && lines.stderr.contains("--format html"))
    }

    @Test func theSampleArticlesMapShowsItsCountriesAndTowns() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Gazetteer/samples/border-news.txt")
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "html", sample.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try #require(result.stdout.components(separatedBy: "<svg class=\"map\"").last)
        for country in ["AM", "AZ"] { #expect(svg.contains("data-country=\"\(country)\""), "\(country)") }
        // The fixture gazetteer has these four of the article's towns (Lachin is checked on the real one by
        // Scripts/check-html).
        for town in ["Jermuk", "Goris", "Sotk", "Kalbajar"] {
            #expect(svg.contains("<g class=\"dot\"") && svg.contains("aria-label=\"\(town), named"), "\(town)")
            #expect(svg.contains(">\(town)</text>"), "label of \(town)")
        }
    }

    @Test func aMalformedOutlineFileIsNamedAndNoPageIsWritten() throws {
        // A data folder like the checkout's, but with one outline line cut short.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Gazetteer")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let outlines = data.appendingPathComponent("outlines")
        try FileManager.default.createDirectory(at: outlines, withIntermediateDirectories: true)
        for entry in try FileManager.default.contentsOfDirectory(atPath: checkout.path) where entry != "outlines" {
            try FileManager.default.createSymbolicLink(at: data.appendingPathComponent(entry),
                                                       withDestinationURL: checkout.appendingPathComponent(entry))
        }
        try FileManager.default.copyItem(at: checkout.appendingPathComponent("outlines/world-110m.txt"),
                                         to: outlines.appendingPathComponent("world-110m.txt"))
        try Data("# detail\nAM\tArmenia\t43500 38800 46600\t0 0 1 0 0 1\n".utf8).write(to: outlines.appendingPathComponent("countries-10m.txt"))
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "html", "-"], input: "Goris.",
                                           environment: ["GAZETTEER_DATA": data.path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty, "no half page")
        #expect(result.stderr.contains("outlines/countries-10m.txt:2: error: field 3 (box)"), "\(result.stderr)")
    }

    @Test func textMarksEachMentionInline() throws {
        let result = try CommandRunner.run(["annotate", "--db", db, "--format", "text", "-"], input: "Goris and Sotk.")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Goris") && result.stdout.contains("Sotk") && result.stdout != "Goris and Sotk.\n")
    }

    @Test func aMissingFileIsAMissingInput() throws {
        let result = try CommandRunner.run(["annotate", "--db", db, "/nonexistent/article.txt"])
        #expect(result.status == 66 && result.stderr.contains("/nonexistent/article.txt"))
    }
}
