import Foundation
import Testing

/// Inputs far beyond everyday sizes: tens of thousands of names as arguments, and documents longer than
/// one annotation window, whose output must be complete and consistent in every format.
@Suite struct LongInputCommandTests {
    let db = CommandRunner.database
    static let names = ["Goris", "Sotk", "Jermuk", "Cermuk", "Zod", "press"]

    @Test func twentyThousandNamesAsArgumentsAreAnsweredInOrder() throws {
        // A lone "-" among them is a name too (GeoNames has a place called "-").
        let names = (0..<20_000).map { Self.names[$0 % Self.names.count] } + ["-"] + Self.names
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson", "--no-fuzzy"] + names)
        #expect(result.status == 1, "press resolves to nothing")
        let queries = result.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["query"] as? String
        }
        #expect(queries == names)
    }

    @Test(arguments: [
        ["Goris", "--limit", "1", "Sotk", "Jermuk"],
        ["--limit", "1", "Goris", "Sotk", "Jermuk"],
        ["--limit=1", "--no-fuzzy", "Goris", "Sotk", "Jermuk"],
        ["--limit=1", "--", "-Goris", "Sotk", "Jermuk"],
        ["--limit=1", "Goris", "-", "Sotk", "Jermuk"],
    ])
    func namesAmongOptionsKeepTheirOrderAndTheOptionsApply(arguments: [String]) throws {
        let result = try CommandRunner.run(["resolve", "--db", db, "--format", "ndjson"] + arguments)
        let objects = result.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        let names = arguments.filter { !$0.hasPrefix("--") && $0 != "1" }
        #expect(objects.map { $0["query"] as? String } == names, "\(result.stderr)")
        #expect(objects.allSatisfy { (($0["results"] as? [Any])?.count ?? 9) <= 1 })
        let normalized = try CommandRunner.run(["normalize", "--format", "json", "--"] + names)
        let output = try JSONSerialization.jsonObject(with: Data(normalized.stdout.utf8)) as? [String: Any]
        let keys = output?["names"] as? [[String: Any]]
        #expect(keys?.map { $0["input"] as? String } == names)
    }

    @Test func aLineOfMegabytesOnStandardInputIsOneName() throws {
        let line = Array(repeating: "Goris Sotk", count: 20_000).joined(separator: " ")
        let result = try CommandRunner.run(["normalize", "--format", "json"], input: line + "\nSotk\n")
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let keys = try #require(output?["names"] as? [[String: Any]])
        // "goris sotk" is "gorisotk": the space goes, then the double s.
        #expect(keys.map { $0["match_key"] as? String } == [String(repeating: "gorisotk", count: 20_000), "sotk"])
    }

    /// Three copies of an article apart by more than a window of lower-case filler (quick to annotate).
    static let article = "Azerbaijan fired at Goris and Jermuk (Gorus and Istisu).\nResidents of Sotk left. 😀\n\n"
    static let filler = String(repeating: "and then the rest of it went on as before, ", count: 12_000) + "\n"
    static let document = article + filler + article + filler + article

    func run(_ format: String) throws -> CommandRunner.Output {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID().uuidString).txt")
        try Self.document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CommandRunner.run(["annotate", "--db", db, "--format", format, file.path])
    }

    @Test func aDocumentOfManyWindowsHasEveryMentionAtItsOffsets() throws {
        let result = try run("json")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let object = try #require((output?["documents"] as? [[String: Any]])?.first)
        let mentions = try #require(object["mentions"] as? [[String: Any]])
        #expect(mentions.count == 3 * 6)
        let scalars = Array(Self.document.unicodeScalars)
        for mention in mentions {
            let start = try #require(mention["start"] as? Int)
            let end = try #require(mention["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == mention["text"] as? String)
        }
    }

    @Test func aDocumentOfManyWindowsIsOnePageAndOneText() throws {
        let page = try run("html")
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>") && page.stdout.hasSuffix("</html>\n"))
        #expect(page.stdout.contains("<p>18 mentions of 4 places</p>"))
        #expect(page.stdout.components(separatedBy: "<p dir=\"auto\">").count - 1 == 3 * 2 + 2)
        let text = try run("text")
        #expect(text.status == 0, "\(text.stderr)")
        let unmarked = text.stdout.replacingOccurrences(of: "⟦[^⟧]*⟧", with: "", options: .regularExpression)
        #expect(unmarked == Self.document + "\n")
    }
}
