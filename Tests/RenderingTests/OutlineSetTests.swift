import GazetteerStore
import Resolution
import Testing
import Foundation
@testable import Rendering

/// Reading the outline files of Gazetteer/outlines/.
@Suite struct OutlineSetTests {
    @Test func ringsAreDeltasFromTheFirstPoint() throws {
        let text = "# comment\nAM\tArmenia\t43000 38000 47000 42000\t43000 38000 4000 0 0 4000 -4000 0\n"
        let set = try OutlineSet(parsing: text, file: "test.txt")
        #expect(set.outlines.count == 1)
        let outline = try #require(set.outlines.first)
        #expect(outline.code == "AM" && outline.name == "Armenia")
        #expect(outline.bounds == GeoBox(west: 43, south: 38, east: 47, north: 42))
        #expect(outline.rings == [[Coordinate(latitude: 38, longitude: 43), Coordinate(latitude: 38, longitude: 47),
                                   Coordinate(latitude: 42, longitude: 47), Coordinate(latitude: 42, longitude: 43)]])
    }

    @Test func aTerritoryWithoutACodeHasAnEmptyOne() throws {
        let set = try OutlineSet(parsing: "--\tN. Cyprus\t0 0 1 1\t0 0 1 0 0 1\n", file: "t")
        #expect(set.outlines.first?.code == "")
    }

    @Test(arguments: [
        ("AM\tArmenia\t1 2 3\t0 0 1 0 0 1\n", "t:1: error: field 3 (box)"),
        ("# ok\nAM\tArmenia\t0 0 1 1\t0 0 1 0 0\n", "t:2: error: field 4 (rings), ring 1"),
        ("AM\tArmenia\t0 0 1 1\t0 0 1 0 0 1|0 0 x 0 0 1\n", "t:1: error: field 4 (rings), ring 2"),
        ("AM Armenia\n", "t:1: error: expected 4 tab-separated fields"),
    ])
    func aMalformedLineIsNamed(text: String, message: String) {
        let error = #expect(throws: OutlineError.self) { try OutlineSet(parsing: text, file: "t") }
        #expect(error.map { "\($0)".hasPrefix(message) } == true, "\(String(describing: error))")
    }

    @Test func aMissingFileSaysHowToMakeIt() {
        let error = #expect(throws: OutlineError.self) {
            try OutlineSet(contentsOf: URL(fileURLWithPath: "/nonexistent/world.txt"))
        }
        #expect(error?.description
            == "/nonexistent/world.txt: error: cannot read the outline file (run Scripts/refresh-outlines)")
    }

    @Test func wideViewsUseTheWorldAndNarrowOnesTheDetail() throws {
        let world = try OutlineSet(parsing: "AM\tcoarse\t43000 38000 47000 42000\t43000 38000 4000 0 0 4000\n", file: "w")
        let detailed = try OutlineSet(parsing: "AM\tfine\t43000 38000 47000 42000\t43000 38000 4000 0 0 4000\n"
            + "FR\tFrance\t-5000 42000 8000 51000\t-5000 42000 13000 0 0 9000\n", file: "d")
        let outlines = MapOutlines(world: world, detailed: detailed)
        #expect(outlines.outlines(for: GeoBox(west: 40, south: 35, east: 50, north: 45)).map(\.name) == ["fine"])
        #expect(outlines.outlines(for: GeoBox(west: -180, south: -60, east: 180, north: 84)).map(\.name) == ["coarse"])
    }
}
