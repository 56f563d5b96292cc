import Annotation
import Foundation
import GazetteerStore
@testable import Resolution
import Testing
@testable import Rendering

/// The annotated page: the article as written, its mentions linked to their details, dots and list entries.
@Suite struct AnnotatedPageTests {
    static func mention(_ text: String, in article: String, place: Place?) throws -> Mention {
        let range = try #require(article.range(of: text))
        let start = article.unicodeScalars.distance(from: article.unicodeScalars.startIndex, to: range.lowerBound)
        let match = Match(name: text, kind: .alternate, language: "ru", type: .alias, source: "test")
        return Mention(start: start, end: start + text.unicodeScalars.count, text: text, score: 0.9,
                       place: place.map { ResolvedPlace(place: $0, score: 0.9, match: match) }, alternatives: [])
    }

    static let goris = Place(id: "geonames:174875", name: "Goris", featureClass: "P", featureCode: "PPLA",
                             country: "AM", admin1Name: "Syunik", latitude: 39.51, longitude: 46.34, source: "geonames")
    static let article = "Shelling near Горис & <Goris>, not in Zzyxgrad."
    let page: String

    init() throws {
        page = AnnotatedPage.render(Self.article, mentions: [
            try Self.mention("Горис", in: Self.article, place: Self.goris),
            try Self.mention("Goris", in: Self.article, place: Self.goris),
            try Self.mention("Zzyxgrad", in: Self.article, place: nil),
        ], title: "a <title>")
    }

    @Test func marksHoldOnlyTheTextAsWritten() {
        #expect(page.contains("<mark class=\"place\" tabindex=\"0\" data-place=\"p1\" aria-describedby=\"m1\">Горис</mark>"))
        #expect(page.contains("aria-describedby=\"m2\">Goris</mark>"))
        #expect(page.contains("<mark class=\"unresolved\" tabindex=\"0\" aria-describedby=\"m3\">Zzyxgrad</mark>"))
        #expect(page.contains("<p dir=\"auto\">Shelling near <mark"))
        #expect(page.contains("</mark> &amp; &lt;<mark"), "the text around marks is escaped")
    }

    @Test func everyDescriptionAMarkOrDotNamesExists() throws {
        let ids = ["m1", "m2", "m3", "p1-about"]
        for id in ids { #expect(page.contains("<div id=\"\(id)\">"), "\(id)") }
        let details = try #require(page.range(of: "<div class=\"details\" hidden>"))
        #expect(page[details.upperBound...].contains("matched “<bdi>Горис</bdi>” (ru), alias"))
        #expect(page.contains("named 2× as <bdi>Горис</bdi>, <bdi>Goris</bdi>"))
    }

    @Test func theMapHasTheDotOfEachPlaceLinkedToItsMentions() {
        #expect(page.contains("<figure class=\"map\"><svg class=\"map\""))
        #expect(page.contains("<g class=\"dot\" data-place=\"p1\" tabindex=\"0\" role=\"img\" "
            + "aria-label=\"Goris, named 2 times\" aria-describedby=\"p1-about\">"))
        #expect(page.contains("<li data-place=\"p1\">"))
    }

    @Test func theTitleIsEscaped() {
        #expect(page.contains("<title>a &lt;title&gt;</title>"))
        #expect(!page.contains("<title>a <title>"))
    }

    @Test func aPageWithoutPlacesHasNoMap() {
        let page = AnnotatedPage.render("Nothing here.", mentions: [], title: "t")
        #expect(!page.contains("<svg"))
        #expect(page.contains("No places found."))
    }
}
