import Foundation
import GRDB
import Testing
@testable import GazetteerStore

/// What the compact layout leaves out of the file (derived ids, match keys, a rowid and index for names) is
/// still there for every reader.
@Suite struct CompactStoreTests {
    typealias Support = StoreTestSupport

    @Test func geonamesIDsAreDerivedNotStoredAndStillFindTheirPlaces() throws {
        let url = Support.scratch().appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url)
        let gazetteer = try GazetteerDatabase(path: url.path)
        let stored = try gazetteer.queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM place WHERE id IS NOT NULL ORDER BY id")
        }
        #expect(stored == ["curated:am-sev-lake"], "the curated place; geonames:616085, which the overlay adds, is derived")
        #expect(try gazetteer.place(id: "geonames:174884")?.id == "geonames:174884")
        #expect(try gazetteer.place(id: "curated:am-sev-lake")?.id == "curated:am-sev-lake")
        // Another spelling of the number is no place's id, nor is a curated place's pid.
        #expect(try gazetteer.place(id: "geonames:0174884") == nil)
        #expect(try gazetteer.place(id: "geonames:+174884") == nil)
        #expect(try gazetteer.place(id: "geonames:") == nil)
        let curatedPID = try #require(try gazetteer.queue.read { db in
            try Int64.fetchOne(db, sql: "SELECT pid FROM place WHERE id = 'curated:am-sev-lake'")
        })
        #expect(try gazetteer.place(id: "geonames:\(curatedPID)") == nil)
        try LookupPool(path: url.path).withConnection { connection in
            #expect(connection.pid(forPlaceID: "geonames:174884") == 174_884)
            #expect(connection.pid(forPlaceID: "curated:am-sev-lake") == curatedPID)
            #expect(connection.pid(forPlaceID: "geonames:\(curatedPID)") == nil)
            #expect(connection.place(pid: 174_884)?.id == "geonames:174884")
        }
    }

    @Test func namesAreClusteredByPlaceWithoutMatchKeysAndEveryEntryReadsItsName() throws {
        let url = Support.scratch().appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url)
        let (indexes, columns, stored, counted) = try GazetteerDatabase(path: url.path).queue.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'place_name'"),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('place_name')"),
             try Support.storedNames(db), try Int.fetchOne(db, sql: "SELECT sum(names) FROM name_count"))
        }
        // One row a place, its names numbered from 0 (the fixture removes none).
        #expect(indexes.isEmpty && columns == ["pid", "names"])
        #expect(stored.count == counted && stored.count > 10)
        for (pid, records) in Dictionary(grouping: stored, by: \.pid) {
            #expect(records.map(\.record.seq) == Array(0..<records.count), "place \(pid)")
        }
        let names = try GazetteerDatabase(path: url.path).names(of: "geonames:174884")
        let key = Support.normalizer.keys(for: "Jermuk").matchKey
        #expect(names.contains { $0.name == "Jermuk" && $0.matchKey == key })
        try LookupPool(path: url.path).withConnection { connection in
            let entries = connection.entries(matchKey: key)
            #expect(entries.contains { $0.pid == 174_884 })
            for entry in entries {
                let name = try #require(connection.name(nid: entry.nid))
                #expect(searchKeyHash(name.searchKey) == entry.searchKeyHash)
            }
        }
    }

    @Test func aSearchKeyThatIsTheNameLowercasedIsNotStoredTwiceAndReadsBack() throws {
        #expect(StoredSearchKey.stored("goris", name: "Goris") == nil)
        #expect(StoredSearchKey.stored("zurich", name: "Zürich") == "zurich")
        #expect(StoredSearchKey.stored("mundar yurt", name: "Мундар-Юрт") == "mundar yurt")
        #expect(StoredSearchKey.stored("new york", name: "New-York") == "new york")
        #expect(StoredSearchKey.stored("[at]", name: "[AT]") == nil)
        #expect(StoredSearchKey.searchKey(stored: nil, name: "Goris") == "goris")
        #expect(StoredSearchKey.searchKey(stored: "zurich", name: "Zürich") == "zurich")
        let url = Support.scratch().appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url)
        let stored = try GazetteerDatabase(path: url.path).queue.read { db in
            try Support.storedNames(db).filter { $0.pid == 174_884 }.map { (name: $0.record.name, searchKey: $0.record.searchKey) }
        }
        #expect(stored.contains { $0.name == "Jermuk" && $0.searchKey == nil })
        #expect(stored.contains { $0.searchKey != nil })
        let names = try GazetteerDatabase(path: url.path).names(of: "geonames:174884")
        #expect(names.count == stored.count)
        for name in names {
            let hint = name.language.isEmpty || name.language == "abbr" ? nil : name.language
            #expect(name.searchKey == Support.normalizer.keys(for: name.name, language: hint).searchKey, "\(name.name)")
        }
    }

    @Test func aCoordinateReadsBackAsTheNumberItWasParsedAs() {
        var generator = SystemRandomNumberGenerator()
        for decimals in [5, 7] {
            for _ in 0..<10_000 {
                let text = String(format: "%.\(decimals)f", Double.random(in: -180...180, using: &generator))
                let degrees = Double(text)!
                #expect(Double(StoredCoordinate.stored(degrees)) / StoredCoordinate.scale == degrees, "\(text)")
            }
        }
        #expect(StoredCoordinate.stored(-180) == -1_800_000_000 && StoredCoordinate.stored(90) == 900_000_000)
    }

    @Test func aPlaceHasAtMost65535NamesWhateverItsNumber() {
        var sequences = NameSequences()
        for pid: Int64 in [7, 1 << 40] {
            let given = (0..<NameSequences.maximumPerPlace).map { _ in sequences.next(for: pid) }
            #expect(given == (0..<UInt16.max).map { $0 })
            #expect(sequences.next(for: pid) == nil)
        }
        #expect(sequences.next(for: 8) == 0)
    }

    @Test func aBoxsCellRangesHoldEveryPointInsideIt() {
        #expect(SpatialGrid.cellRanges(south: -90, north: 90, west: -180, east: 180)
            == [0...SpatialGrid.rows * SpatialGrid.columns - 1])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let south = Double.random(in: -90...89.9, using: &generator)
            let north = min(90, south + Double.random(in: 0...3, using: &generator))
            let west = Double.random(in: -180...179.9, using: &generator)
            let east = min(180, west + Double.random(in: 0...3, using: &generator))
            let ranges = SpatialGrid.cellRanges(south: south, north: north, west: west, east: east)
            for (latitude, longitude) in [(south, west), (north, east), (south, east), ((south + north) / 2, west)] {
                let cell = SpatialGrid.row(latitude) * SpatialGrid.columns + SpatialGrid.column(longitude)
                #expect(ranges.contains { $0.contains(cell) }, "\(latitude), \(longitude) in \(south)…\(north), \(west)…\(east)")
            }
        }
    }

    @Test func theStoredCellOfAPlaceIsTheGridsCellOfItsPoint() throws {
        let url = Support.scratch().appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url)
        let rows = try GazetteerDatabase(path: url.path).queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.cell, \(StoredCoordinate.degrees("p.latitude")), \(StoredCoordinate.degrees("p.longitude"))
                FROM place_cell c JOIN place p USING (pid)
                """)
        }
        #expect(rows.count == 8)
        for row in rows {
            let latitude: Double = row[1], longitude: Double = row[2]
            #expect(row[0] as Int == SpatialGrid.row(latitude) * SpatialGrid.columns + SpatialGrid.column(longitude))
        }
    }

    /// The grid finds what a scan of every place finds: near the antimeridian and the poles too.
    @Test func nearestPlacesThroughTheGridAreTheNearestOfAll() throws {
        let folder = Support.scratch()
        var generator = SystemRandomNumberGenerator()
        let points = (1...400).map { _ in
            (Double.random(in: -89.99...89.99, using: &generator), Double.random(in: -179.99...179.99, using: &generator))
        } + [(89.99, 0), (-89.99, 179.99), (0.05, -179.99), (0.05, 179.99), (40.0, 45.0)]
        let places = Support.write(points.enumerated().map { index, point in
            Support.placeRow(id: 1_000 + index, name: "Point \(index)", lat: String(format: "%.5f", point.0),
                             lon: String(format: "%.5f", point.1))
        }.joined(separator: "\n"), to: "points.txt", in: folder)
        let url = folder.appendingPathComponent("db.sqlite")
        let builder = try StoreBuilder(destination: url, normalizer: Support.normalizer)
        try builder.importPlaces(path: places)
        try builder.finish()
        let gazetteer = try GazetteerDatabase(path: url.path)
        let all = try gazetteer.places(nearLatitude: 0, longitude: 0, limit: 10_000)
        #expect(all.count == points.count)
        for (latitude, longitude) in [(0.0, 180.0), (0.0, -180.0), (90.0, 0.0), (-90.0, 10.0), (40.0, 45.0), (12.3, -45.6)] {
            let origin = Coordinate(latitude: latitude, longitude: longitude)
            let expected = all.map { NearbyPlace(place: $0.place, distance: origin.distance(
                to: Coordinate(latitude: $0.place.latitude, longitude: $0.place.longitude))) }
                .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.place.id < $1.place.id }
            let found = try gazetteer.places(nearLatitude: latitude, longitude: longitude, limit: 5)
            #expect(found.map(\.place.id) == expected.prefix(5).map(\.place.id), "near \(latitude), \(longitude)")
        }
    }
}
