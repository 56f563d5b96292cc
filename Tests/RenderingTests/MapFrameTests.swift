import Testing
@testable import Rendering

/// The projection: places fit the canvas with a margin, at true proportions for their latitude.
@Suite struct MapFrameTests {
    let caucasus = [GeoPoint(longitude: 45.3, latitude: 39.9), GeoPoint(longitude: 46.4, latitude: 39.5),
                    GeoPoint(longitude: 46.0, latitude: 40.1), GeoPoint(longitude: 44.8, latitude: 41.7),
                    GeoPoint(longitude: 49.9, latitude: 40.4)]

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
        let origin = frame.project(GeoPoint(longitude: 46, latitude: 40))
        let east = frame.project(GeoPoint(longitude: 47, latitude: 40))
        let north = frame.project(GeoPoint(longitude: 46, latitude: 41))
        let ratio = (east.x - origin.x) / (origin.y - north.y)
        #expect(abs(ratio - 0.766) < 0.01, "cos 40° ≈ 0.766, got \(ratio)")
        #expect(north.y < origin.y, "north is up")
    }

    @Test func placesAcrossTheWorldGetTheWholeWorld() {
        let frame = MapFrame.fitting([GeoPoint(longitude: -74, latitude: 40.7), GeoPoint(longitude: 139.7, latitude: 35.7),
                                      GeoPoint(longitude: 151.2, latitude: -33.9)])
        #expect(frame.view.west <= -180 && frame.view.east >= 180)
        #expect(frame.view.south <= -58 && frame.view.north >= 84)
    }

    @Test func oneTownGetsARegionAroundIt() {
        let goris = GeoPoint(longitude: 46.34, latitude: 39.51)
        let frame = MapFrame.fitting([goris])
        #expect(frame.view.width >= MapFrame.minimumSpan)
        let point = frame.project(goris)
        #expect(abs(point.x - frame.width / 2) < 1 && abs(point.y - frame.height / 2) < 1, "centred: \(point)")
    }

    @Test func noPlacesGiveTheWorld() {
        #expect(MapFrame.fitting([]).view.width >= 360)
    }
}
