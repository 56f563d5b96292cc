import Foundation
import Normalization
import GazetteerStore
import Resolution
import Testing
@testable import Rendering

/// The SVG map: outlines in view only, a dot and label per place, links to the page, escaping.
@Suite struct PlaceMapTests {
    static func outlines() throws -> MapOutlines {
        // Boxes around Armenia and Azerbaijan, and one far away that no Caucasus view shows.
        let text = """
            AM\tArmenia\t43500 38800 46600 41300\t43500 38800 3100 0 0 2500 -3100 0
            AZ\tAzerbaijan\t44800 38400 50400 41900\t44800 38400 5600 0 0 3500 -5600 0
            FR\tFrance\t-5000 42000 8000 51000\t-5000 42000 13000 0 0 9000 -13000 0

            """
        let set = try OutlineSet(parsing: text, file: "test")
        return MapOutlines(world: set, detailed: set)
    }

    static let places = [
        MapPlace(key: "p1", name: "Goris", location: Coordinate(latitude: 39.51, longitude: 46.34), country: "AM",
                 mentions: 4, describedBy: "p1-about"),
        MapPlace(key: "p2", name: "Jermuk", location: Coordinate(latitude: 39.84, longitude: 45.67), country: "AM",
                 mentions: 1, describedBy: "p2-about"),
        MapPlace(key: "p3", name: "Kalbajar", location: Coordinate(latitude: 40.10, longitude: 46.04), country: "AZ"),
        MapPlace(key: "p4", name: "Armenia", location: Coordinate(latitude: 40.2, longitude: 45.0), country: "AM",
                 isCountry: true, mentions: 2, describedBy: "p4-about"),
    ]

    let svg: String

    init() throws { svg = PlaceMap.svg(places: Self.places, outlines: try Self.outlines()) }

    @Test func eachPlaceHasAFocusableDotAndALabel() {
        for (key, name) in [("p1", "Goris"), ("p2", "Jermuk"), ("p3", "Kalbajar")] {
            #expect(svg.contains("<g class=\"dot\" data-place=\"\(key)\" tabindex=\"0\""), "dot of \(name)")
            #expect(svg.contains("data-place=\"\(key)\" x="), "label of \(name)")
            #expect(svg.contains(">\(name)</text>"))
        }
        #expect(svg.contains("aria-label=\"Goris, named 4 times\" aria-describedby=\"p1-about\""))
        #expect(svg.contains("aria-label=\"Kalbajar, named once\">"), "no description: no aria-describedby")
    }

    @Test func dotsGrowWithMentions() {
        #expect(PlaceMap.radius(4) > PlaceMap.radius(1))
        #expect(PlaceMap.radius(1000) == PlaceMap.radius(10_000), "capped")
        #expect(svg.contains("r=\"\(PlaceMap.number(PlaceMap.radius(4)))\""))
    }

    @Test func aNamedCountryIsItsOutlineNotADot() {
        #expect(svg.contains("<g class=\"country named\" data-place=\"p4\" tabindex=\"0\""))
        #expect(!svg.contains("<g class=\"dot\" data-place=\"p4\""))
    }

    @Test func onlyOutlinesInViewAreDrawn() throws {
        #expect(svg.contains("class=\"country involved\""), "Azerbaijan, where Kalbajar is")
        #expect(svg.components(separatedBy: "<path").count - 1 == 2, "Armenia and Azerbaijan, not France")
        // Every drawn point lies within a few units of the canvas: outlines are clipped to it.
        let paths = svg.components(separatedBy: " d=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let points = paths.flatMap(Self.points)
        #expect(points.count >= 8)
        let limit = try #require(Double(svg.components(separatedBy: "viewBox=\"0 0 ")[1].prefix { $0 != " " })) + 4
        #expect(points.allSatisfy { (-4...limit).contains($0.x) && (-4...limit).contains($0.y) }, "\(points)")
    }

    @Test func pathDataIsRelativeAndSkipsStepsThatRoundToNothing() {
        let ring = [CanvasPoint(x: 10, y: 20), CanvasPoint(x: 12.5, y: 20), CanvasPoint(x: 12.52, y: 20.01),
                    CanvasPoint(x: 10, y: 17.5)]
        #expect(CountryShape.pathData(ring) == "M10 20l2.5 0-2.5-2.5z")
        #expect(Self.points("M10 20l2.5 0-2.5-2.5z") == [CanvasPoint(x: 10, y: 20), CanvasPoint(x: 12.5, y: 20),
                                                         CanvasPoint(x: 10, y: 17.5)])
    }

    /// The absolute points of path data made of `M x y l dx dy … z` runs.
    static func points(_ data: String) -> [CanvasPoint] {
        var points: [CanvasPoint] = []
        for run in data.split(separator: "M") {
            let numbers = run.replacingOccurrences(of: "-", with: " -").split(whereSeparator: { " lz".contains($0) })
                .compactMap { Double($0) }
            var current = CanvasPoint(x: 0, y: 0)
            for index in stride(from: 0, to: numbers.count - 1, by: 2) {
                current = index == 0 ? CanvasPoint(x: numbers[0], y: numbers[1])
                    : CanvasPoint(x: current.x + numbers[index], y: current.y + numbers[index + 1])
                points.append(current)
            }
        }
        return points
    }

    @Test func theSouthCaucasusFromTheShippedOutlines() throws {
        let outlines = try MapOutlines.load(from: DataDirectory.resolve())
        let svg = PlaceMap.svg(places: Self.places, outlines: outlines)
        for code in ["AM", "AZ", "IR", "TR"] { #expect(svg.contains("data-country=\"\(code)\""), "\(code)") }
        #expect(!svg.contains("data-country=\"FR\"") && !svg.contains("data-country=\"KZ\""), "only what is in view")
        // Detailed enough to show Nakhchivan apart, small enough to embed: simplified to the view's scale.
        #expect(svg.utf8.count < 20_000, "\(svg.utf8.count) bytes")
    }

    @Test func namesAreEscaped() {
        let svg = PlaceMap.svg(places: [MapPlace(key: "p\"1", name: "<b>A&B</b>",
                                                 location: Coordinate(latitude: 0, longitude: 0), country: "")],
                               outlines: nil)
        #expect(svg.contains("&lt;b&gt;A&amp;B&lt;/b&gt;"))
        #expect(svg.contains("data-place=\"p&quot;1\""))
        #expect(!svg.contains("<b>"))
    }

    @Test func labelsOfNeighboursDoNotOverlap() {
        var layout = LabelLayout(bounds: CanvasRect(minX: 0, minY: 0, maxX: 400, maxY: 300))
        let requests = (0..<6).map {
            LabelLayout.Request(text: "Place \($0)", center: CanvasPoint(x: 200, y: 150 + Double($0) * 6),
                                radius: 4, fontSize: 13)
        }
        let boxes = requests.compactMap { layout.place($0)?.box }
        #expect(boxes.count >= 4)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b)") }
        }
    }

    @Test func aLabelWithNoRoomIsLeftOut() {
        var layout = LabelLayout(bounds: CanvasRect(minX: 0, minY: 0, maxX: 30, maxY: 30))
        #expect(layout.place(.init(text: "Stepanakert", center: CanvasPoint(x: 15, y: 15), radius: 4,
                                   fontSize: 13)) == nil)
    }
}
