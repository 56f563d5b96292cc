import Foundation
import GazetteerFixture
import GazetteerKit
import Testing

/// The facade as a caller sees it: only `import GazetteerKit`, a database opened by path.
@Suite struct GazetteerFacadeTests {
    let gazetteer = try! Gazetteer(path: FixtureGazetteer.database.path)

    @Test func resolvesARomanizationWithItsReason() throws {
        let jermuk = try #require(try gazetteer.resolve("Cermuk").first)
        #expect(jermuk.place.id == "geonames:174884" && jermuk.place.geonameID == 174884)
        #expect(jermuk.place.label == "Jermuk, Vayots Dzor, Armenia")
        #expect(jermuk.match.method == .alias && jermuk.match.name == "Cermuk")
        #expect((0...1).contains(jermuk.score))
        let typo = try #require(try gazetteer.resolve("Verin Shorza", options: ResolveOptions(minimumScore: 0.3)).first)
        #expect(typo.match.method == .fuzzy(edits: 1))
        #expect(try gazetteer.resolve("Verin Shorza", options: ResolveOptions(minimumScore: 0.3, allowsTypos: false)).isEmpty)
    }

    @Test func resolvesManyNamesInOrder() throws {
        let answers = try gazetteer.resolve(["Goris", "Stepanakert", "Джермук"])
        #expect(answers.map { $0.first?.place.name } == ["Goris", nil, "Jermuk"])
    }

    @Test func countriesChooseAmongNamesakesInEitherCase() throws {
        #expect(try gazetteer.resolve("Istisu", options: ResolveOptions(countryCodes: ["am"])).first?.place.id
            == "geonames:174884")
        #expect(try gazetteer.resolve("Istisu", options: ResolveOptions(countryCodes: ["AZ"])).first?.place.id
            == "geonames:147969")
    }

    @Test func looksPlacesUpByIdOrBareGeoNamesId() throws {
        let jermuk = try #require(try gazetteer.place(id: "geonames:174884"))
        #expect(try gazetteer.place(id: "174884") == jermuk)
        #expect(try gazetteer.place(geonameID: 174884) == jermuk)
        #expect(jermuk.countryCode == "AM" && jermuk.countryName == "Armenia" && jermuk.feature == "P.PPL")
        #expect(try gazetteer.place(id: "geonames:1") == nil)
        #expect(try gazetteer.place(id: "") == nil)
    }

    @Test func findsPlacesNearAPointNearestFirst() throws {
        let nearby = try gazetteer.places(near: Coordinate(latitude: 39.84, longitude: 45.67), limit: 2)
        #expect(nearby.map(\.place.name).first == "Jermuk")
        #expect(nearby.count == 2 && nearby[0].distanceInKilometres < 1
            && nearby[0].distanceInKilometres <= nearby[1].distanceInKilometres)
        let divisions = try gazetteer.places(near: Coordinate(latitude: 39.84, longitude: 45.67), limit: 1,
                                             features: ["a.adm1"])
        #expect(divisions.map(\.place.name) == ["Vayots Dzor"])
    }

    @Test func normalizesNamesInAnyScriptToOneKey() {
        let keys = ["Jermuk", "Джермук", "Ջերմուկ", "Cermuk"].map { gazetteer.normalize($0).matchKey }
        #expect(Set(keys).count == 1)
        #expect(gazetteer.normalize("  Kəlbəcər ").display == "Kəlbəcər")
        #expect(gazetteer.normalize("Джермук").script == "Cyrl")
    }

    @Test func annotatesATextWithRangesInTheOriginalString() throws {
        // A flag (two scalars, one character, eight UTF-8 bytes) and Cyrillic before the names, so that
        // scalar, character and byte offsets all differ.
        let text = "🇦🇲 Новости: protesters gathered in Jermuk and Goris."
        let document = try gazetteer.annotate(text)
        #expect(document.mentions.map(\.text) == ["Jermuk", "Goris"])
        #expect(document.mentions.map { document[$0] } == ["Jermuk", "Goris"])
        let jermuk = document.mentions[0]
        #expect(jermuk.place?.name == "Jermuk" && jermuk.resolvedPlace?.match.method == .exact)
        let bytes = try #require(jermuk.utf8Offsets(in: text))
        #expect(String(decoding: Array(text.utf8)[bytes], as: UTF8.self) == "Jermuk")
        #expect(document.summary.countries.map(\.countryCode) == ["AM"])
        #expect(document.summary.countries.first?.mentions == 2)
        #expect(Set(document.summary.places.map(\.name)) == ["Jermuk", "Goris"])
    }

    @Test func oneGazetteerServesManyTasksAtOnce() async throws {
        // Opened afresh, so that the tasks race to build its annotator.
        let shared = try Gazetteer(path: FixtureGazetteer.database.path)
        let found = try await withThrowingTaskGroup(of: [String].self) { group in
            for report in 0..<8 {
                group.addTask { try shared.annotate("Report \(report): shelling near Goris and Jermuk.").mentions.compactMap(\.place?.name) }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(found.count == 8 && found.allSatisfy { $0 == ["Goris", "Jermuk"] })
    }

    @Test func offsetsOutsideTheTextHaveNoRange() {
        let mention = Mention(start: 3, end: 9, text: "Jermuk", score: 1, resolvedPlace: nil)
        #expect(mention.range(in: "in Jermuk") != nil)
        #expect(mention.range(in: "in Jer") == nil)
        #expect(Mention(start: 5, end: 2, text: "", score: 1, resolvedPlace: nil).range(in: "in Jermuk") == nil)
        #expect(AnnotatedDocument(text: "short", mentions: [], summary: DocumentSummary())[mention] == nil)
    }

    @Test func valuesSurviveACodableRoundTrip() throws {
        let document = try gazetteer.annotate("Protesters gathered in Jermuk and Goris.")
        let decoded = try JSONDecoder().decode(AnnotatedDocument.self, from: JSONEncoder().encode(document))
        #expect(decoded == document)
        let reasons: [Mention.Reason] = [.name, .inflection(stem: "Իտալիա"), .abbreviation(expansion: "United States"),
                                         .genericWord("district"), .demonym, .supportedByContext]
        #expect(try JSONDecoder().decode([Mention.Reason].self, from: JSONEncoder().encode(reasons)) == reasons)
    }

    @Test func badOptionsAreReportedNotIgnored() {
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Goris", options: ResolveOptions(features: ["Q"])) }
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Goris", options: ResolveOptions(limit: 0)) }
        #expect(throws: GazetteerError.self) { try gazetteer.resolve("Goris", options: ResolveOptions(countryCodes: ["ARM"])) }
        #expect(throws: GazetteerError.self) {
            try gazetteer.places(near: Coordinate(latitude: 91, longitude: 0))
        }
        #expect(throws: GazetteerError.self) {
            try gazetteer.annotate("Goris", options: AnnotationOptions(minimumScore: 2))
        }
    }

    @Test func aMissingDatabaseIsADatabaseError() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        do {
            _ = try Gazetteer(path: path)
            Issue.record("opened a missing file")
        } catch {
            guard case let .database(reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains(path))
        }
    }
}
