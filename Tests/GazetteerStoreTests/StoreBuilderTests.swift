import Foundation
import GRDB
import GazetteerStore
import Testing

@Suite struct StoreBuilderTests {
    typealias Support = StoreTestSupport

    @Test func buildsPlacesNamesKeysAndProvenance() throws {
        let folder = Support.scratch()
        let url = folder.appendingPathComponent("gazetteer.sqlite")
        let report = try Support.buildFixture(at: url)
        #expect(report.places == 8)  // 6 GeoNames rows + 2 curated places
        let gazetteer = try GazetteerDatabase(path: url.path)

        let jermuk = try #require(try gazetteer.place(id: "geonames:174884"))
        #expect(jermuk.name == "Jermuk" && jermuk.feature == "P.PPL" && jermuk.country == "AM")
        #expect(jermuk.admin1Name == "Vayots Dzor")
        let names = try gazetteer.names(of: "geonames:174884")
        let written = Set(names.map(\.name))
        #expect(written.isSuperset(of: ["Jermuk", "Cermuk", "Istisu", "İstisu", "Джермук", "Ջերմուկ", "Исти-Су"]))
        #expect(!written.contains("https://en.wikipedia.org/wiki/Jermuk"), "links are not names")
        #expect(names.first { $0.name == "Исти-Су" }?.kind == .historical)
        #expect(names.first { $0.name == "Ջերմուկ" && $0.language == "hy" }?.kind == .preferred)
        let curated = try #require(names.first { $0.source == "curated" })
        #expect(curated.citation == "https://az.wikipedia.org/wiki/Cermuk")
        #expect(names.allSatisfy { !$0.searchKey.isEmpty && !$0.matchKey.isEmpty })
        #expect(names.first { $0.name == "Cermuk" }?.matchKey == names.first { $0.name == "Джермук" }?.matchKey)

        // The curated overlay: a GeoNames place the cut left out, a place of its own, a correction.
        #expect(try gazetteer.place(id: "geonames:616085")?.name == "Verin Shorzha")
        #expect(try gazetteer.names(of: "geonames:616085").contains { $0.name == "Verin Shorja" })
        #expect(try gazetteer.place(id: "curated:am-sev-lake")?.feature == "H.LK")
        #expect(try !gazetteer.names(of: "geonames:616408").contains { $0.name == "Jermuk" })

        // Countries get their countryInfo name and ISO codes.
        let armenia = try gazetteer.names(of: "geonames:174982")
        #expect(armenia.contains { $0.name == "AM" && $0.kind == .abbreviation })
        #expect(armenia.contains { $0.name == "Armenia" && $0.language == "en" && $0.kind == .official })

        let statistics = try gazetteer.statistics()
        #expect(Set(statistics.sources.map(\.label)) == ["geonames", "curated"])
        #expect(statistics.sources.first { $0.name == "places.txt" }?.crc32 == "c9c11b5b", "zlib.crc32 of the fixture, as Python computes it")
        #expect(statistics.metadata["schema_version"] == String(GazetteerDatabase.schemaVersion))
        #expect(statistics.placesBySource.contains { $0.key == "curated" && $0.count == 2 })
    }

    @Test func malformedRowsAreReportedWithFileLineAndFieldAndSkipped() throws {
        let folder = Support.scratch()
        let rows = [
            Support.placeRow(id: 1, name: "Good"),
            Support.placeRow(id: 2, name: "Bad latitude", lat: "91.5"),
            Support.placeRow(id: 3, name: "Bad longitude", lon: "east"),
            "4\tShort row",
            Support.placeRow(id: 1, name: "Duplicate id"),
            Support.placeRow(id: 5, name: "Negative", population: "-3"),
            Support.placeRow(id: 6, name: "Fine too"),
        ]
        let path = Support.write(rows.joined(separator: "\n") + "\n", to: "bad.txt", in: folder)
        let log = ReportLog()
        let report = try Support.buildFixture(at: folder.appendingPathComponent("db.sqlite"), extraPlaces: [path],
                                              reported: log)
        #expect(report.skippedRows[path] == 5)
        #expect(report.places == 10)
        let described = log.errors.map(\.description)
        #expect(described.contains("\(path):2: error: field 'latitude': 91.5 is out of range -90…90"))
        #expect(described.contains("\(path):3: error: field 'longitude': 'east' is not a number"))
        #expect(described.contains("\(path):4: error: field 'row': expected 19 tab-separated columns, found 2"))
        #expect(described.contains { $0.hasPrefix("\(path):5: error: field 'geonameid': duplicate id 1") })
        #expect(described.contains("\(path):6: error: field 'population': is negative"))
    }

    @Test func strictModeFailsAndLeavesNothingBehind() throws {
        let folder = Support.scratch()
        let path = Support.write(Support.placeRow(id: 7, name: "Bad", lat: "x") + "\n", to: "bad.txt", in: folder)
        let url = folder.appendingPathComponent("db.sqlite")
        #expect(throws: ImportError.self) {
            try Support.buildFixture(at: url, extraPlaces: [path], strict: true)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.txt"])
    }

    @Test func invalidUTF8IsAMalformedRowNamingTheField() throws {
        let folder = Support.scratch()
        var bytes = Array(Support.placeRow(id: 8, name: "Xname").utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[index] = 0xFF
        let path = folder.appendingPathComponent("utf8.txt").path
        let good = Array((Support.placeRow(id: 9, name: "Good") + "\n").utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes + [0x0A] + good))
        let log = ReportLog()
        let report = try Support.buildFixture(at: folder.appendingPathComponent("db.sqlite"), extraPlaces: [path],
                                              reported: log)
        #expect(report.skippedRows[path] == 1)
        #expect(log.errors.map(\.description) == ["\(path):1: error: field 'name': invalid UTF-8"])
    }

    @Test func truncatedGzipFileFailsTheBuildCleanly() throws {
        let folder = Support.scratch()
        let source = Support.write(
            (1...2000).map { Support.placeRow(id: 10_000 + $0, name: "Place \($0)") }.joined(separator: "\n"),
            to: "many.txt", in: folder)
        let compressed = try Support.gzip(source)
        let truncated = folder.appendingPathComponent("truncated.txt.gz")
        try compressed.prefix(compressed.count / 2).write(to: truncated)
        let url = folder.appendingPathComponent("db.sqlite")
        // The whole file is fine; half of it is reported as corrupt and nothing is written.
        #expect(try Support.buildFixture(at: url, extraPlaces: [source + ".gz"]).places == 2008)
        let halfURL = folder.appendingPathComponent("half.sqlite")
        #expect {
            try Support.buildFixture(at: halfURL, extraPlaces: [truncated.path])
        } throws: { error in
            guard case .corrupt(let file, _) = error as? ImportError else { return false }
            return file == truncated.path
        }
        #expect(!FileManager.default.fileExists(atPath: halfURL.path))
    }

    @Test func sameInputBuildsTheSameContent() throws {
        let folder = Support.scratch()
        let first = folder.appendingPathComponent("a.sqlite")
        let second = folder.appendingPathComponent("b.sqlite")
        try Support.buildFixture(at: first)
        try Support.buildFixture(at: second)
        func dump(_ url: URL) throws -> [String] {
            try GazetteerDatabase(path: url.path).queue.read { db in
                try String.fetchAll(db, sql: "SELECT quote(pid) || '|' || quote(id) || '|' || name || '|' || latitude FROM place ORDER BY pid")
                    + Support.storedNames(db).map { "\($0.pid)|\($0.record)" }
                    + String.fetchAll(db, sql: "SELECT name || '|' || crc32 || '|' || rows FROM source ORDER BY rowid")
            }
        }
        #expect(try dump(first) == dump(second))
    }

    @Test func openingAnotherSchemaVersionSaysHowToRebuild() throws {
        let folder = Support.scratch()
        let url = folder.appendingPathComponent("old.sqlite")
        try Support.buildFixture(at: url)
        try DatabaseQueue(path: url.path).write { db in
            try db.execute(sql: "UPDATE metadata SET value = '0' WHERE key = 'schema_version'")
        }
        #expect(throws: StoreError.schemaMismatch(path: url.path, found: 0, expected: GazetteerDatabase.schemaVersion)) {
            try GazetteerDatabase(path: url.path)
        }
        #expect(StoreError.schemaMismatch(path: "x", found: 0, expected: 6).description.contains("gazetteer build --out x"))
        #expect(throws: StoreError.missing(path: "/nonexistent.sqlite")) {
            try GazetteerDatabase(path: "/nonexistent.sqlite")
        }
    }

    @Test func aReaderKeepsWorkingWhileARebuildSwapsTheFile() throws {
        let folder = Support.scratch()
        let url = folder.appendingPathComponent("live.sqlite")
        try Support.buildFixture(at: url)
        let reader = try GazetteerDatabase(path: url.path)
        #expect(try reader.place(id: "geonames:174884") != nil)
        // Rebuild with one more place; the open reader still sees a complete (old) database.
        let extra = Support.write(Support.placeRow(id: 42, name: "Newtown") + "\n", to: "extra.txt", in: folder)
        try Support.buildFixture(at: url, extraPlaces: [extra])
        #expect(try reader.place(id: "geonames:174884")?.name == "Jermuk")
        #expect(try reader.place(id: "geonames:42") == nil)
        #expect(try GazetteerDatabase(path: url.path).place(id: "geonames:42")?.name == "Newtown")
    }

    @Test func curatedRowsNamingUnknownPlacesOrKindsAreReported() throws {
        let folder = Support.scratch()
        let curated = folder.appendingPathComponent("curated")
        try FileManager.default.createDirectory(at: curated.appendingPathComponent("names"), withIntermediateDirectories: true)
        let path = Support.write("""
            place\tname\tlang\tkind\tsource\tnote
            geonames:1\tGhost\ten\talternate\thttps://example.org\t
            geonames:174884\tJermuk\ten\tnickname\thttps://example.org\t

            """, to: "names/bad.tsv", in: curated)
        let builder = try StoreBuilder(destination: folder.appendingPathComponent("db.sqlite"),
                                       normalizer: Support.normalizer)
        try builder.importPlaces(path: Support.fixture("places.txt"))
        try builder.importCurated(directory: curated)
        #expect(builder.diagnostics.skippedRows[path] == 2)
    }
}
