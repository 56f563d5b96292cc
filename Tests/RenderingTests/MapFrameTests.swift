import GazetteerStore
import Resolution
import Testing
@testable import Rendering

/// The projection: places fit the canvas with a margin, at true proportions for their latitude.
@Suite struct MapFrameTests {
    let caucasus = [Coordinate(latitude: 39.9, longitude: 45.3), Coordinate(latitude: 39.5, longitude: 46.4),
                    Coordinate(latitude: 40.1, longitude: 46.0), Coordinate(latitude: 41.7, longitude: 44.8),
                    Coordinate(latitude: 40.4, longitude: 49.9)]

    @Test func placesFitInsideTheCanvasWithAMargin() {
        let frame = MapFrame.fitting(caucasus, width: 640)
        #expect(frame.width == 640)
        for point in caucasus.map(frame.project) {
            #expect(point.x > 640 * 0.1 && point.x < 640 * 0.9, "x \(point.x)")
            #expect(point.y > frame.height * 0.1 && point.y < frame.height * 0.9, "y \(point.y)")
        }
        #expect(frame.view.width < 10, "a regional view, not the world: \(frame.view)")
    }

    @Test func aDegreeOfLongitudeShrinksWithLatitude() {
        let frame = MapFrame.fitting(caucasus)
        let origin = frame.project(Coordinate(latitude: 40, longitude: 46))
        let east = frame.project(Coordinate(latitude: 40, longitude: 47))
        let north = frame.project(Coordinate(latitude: 41, longitude: 46))
        let ratio = (east.x - origin.x) / (origin.y - north.y)
        #expect(abs(ratio - 0.766) < 0.01, "cos 40° ≈ 0.766, got \(ratio)")
        #expect(north.y < origin.y, "north is up")
    }

    @Test func placesAcrossTheWorldGetTheWholeWorld() {
        let frame = MapFrame.fitting([Coordinate(latitude: 40.7, longitude: -74), Coordinate(latitude: 35.7, longitude: 139.7),
                                      Coordinate(latitude: -33.9, longitude: 151.2)])
        #expect(frame.view.west <= -180 && frame.view.east >= 180)
        #expect(frame.view.south <= -58 && frame.view.north >= 84)
    }

    @Test func oneTownGetsARegionAroundIt() {
        let goris = Coordinate(latitude: 39.51, longitude: 46.34)
        let frame = MapFrame.fitting([goris])
        #expect(frame.view.width >= MapFrame.minimumSpan)
        let point = frame.project(goris)
        #expect(abs(point.x - frame.width / 2) < 1 && abs(point.y - frame.height / 2) < 1, "centred: \(point)")
    }

    @Test func noPlacesGiveTheWorld() {
        #expect(MapFrame.fitting([]).view.width >= 360)
    }
}
