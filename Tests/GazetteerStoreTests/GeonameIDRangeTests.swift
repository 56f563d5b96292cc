import Foundation
import GazetteerStore
import Testing

/// Geonameids far beyond GeoNames' own range (found by `Scripts/fuzz places`): one such row made the build
/// allocate gigabytes in proportion to the number (30000741240), or trap (Int.max).
@Suite struct GeonameIDRangeTests {
    typealias Support = StoreTestSupport

    @Test func hugeGeonameidsLoadLikeAnyOther() throws {
        let folder = Support.scratch()
        let rows = [
            Support.placeRow(id: Int.max, name: "Farthest"),
            Support.placeRow(id: 30_000_741_240, name: "Far"),
            Support.placeRow(id: Int.max, name: "Farthest again"),
        ]
        let places = Support.write(rows.joined(separator: "\n") + "\n", to: "far.txt", in: folder)
        let url = folder.appendingPathComponent("db.sqlite")
        let log = ReportLog()
        let report = try Support.buildFixture(at: url, extraPlaces: [places], reported: log)
        #expect(report.places == 10)
        #expect(log.errors.map(\.description) == [
            "\(places):3: error: field 'geonameid': duplicate id \(Int.max): the first row with it was kept",
        ])
        let gazetteer = try GazetteerDatabase(path: url.path)
        #expect(try gazetteer.place(id: "geonames:\(Int.max)")?.name == "Farthest")
        #expect(try gazetteer.place(id: "geonames:30000741240")?.name == "Far")
    }
}
