import Foundation
import GRDB
import Testing
@testable import GazetteerStore

/// The packed forms of the key index: entries with numbered codes, and fuzzy pairs in sized buckets.
@Suite struct KeyIndexTests {
    @Test func anEntryKeepsEveryFieldThroughItsPackedForm() throws {
        let entry = KeyEntry(
            pid: Int64(1 << 41) | 85_632_713, seq: 65_534, searchKeyHash: 0xDEAD_BEEF, population: 3_000_000,
            latitude: 40.18, longitude: 44.51, country: UInt16(truncatingIfNeeded: PackedASCII.pack("AM")),
            featureClass: UInt8(ascii: "P"), featureCode: PackedASCII.pack("PPLC"), kind: .historical, source: .wof,
            language: PackedASCII.pack("hy-Latn"), admin1: PackedASCII.pack("ENG"), script: 25)
        let other = KeyEntry(
            pid: 174_884, seq: 7, searchKeyHash: 1, population: 0, latitude: -12.5, longitude: 179.99, country: 0,
            featureClass: 0, featureCode: 0, kind: .alternate, source: .geonames, language: 0,
            admin1: PackedASCII.pack("01"), script: 0)
        // Another name of the first place, and one of another place at the same point: only the first is
        // written without its place's fields.
        var sibling = entry
        sibling.seq = 3
        sibling.searchKeyHash = 2
        sibling.kind = .official
        sibling.language = 0
        sibling.script = 8
        var neighbour = sibling
        neighbour.pid += 1
        let row = [entry, other, other, sibling, entry, sibling, neighbour]
        var codes = KeyCodes.Builder()
        var blob: [UInt8] = []
        try KeyEntry.encode(row, to: &blob, codes: &codes)
        let table = KeyCodes(values: codes.values)
        let decoded = blob.withUnsafeBytes { KeyEntry.decode($0, codes: table) }
        #expect(decoded == row)
        #expect(decoded[0].languageTag == "hy-Latn" && decoded[0].featureCodeString == "PPLC")
        func size(_ entries: [KeyEntry]) throws -> Int {
            var bytes: [UInt8] = []
            try KeyEntry.encode(entries, to: &bytes, codes: &codes)
            return bytes.count
        }
        // flags, seq, hash, language's number, script
        #expect(try size([entry, sibling]) - size([entry]) == 1 + 1 + 4 + 1 + 1)
        #expect(try size([neighbour]) > 20)
        // A row cut anywhere (a damaged page) decodes to the entries before the cut, never past its end.
        for length in 0..<blob.count {
            let cut = blob.prefix(length).withUnsafeBytes { KeyEntry.decode($0, codes: table) }
            #expect(Array(row.prefix(cut.count)) == cut)
        }
    }

    /// A name borne by more places than one row holds is stored in several rows and read back whole.
    @Test func aKeyOfManyPlacesIsReadWholeFromItsRows() throws {
        let folder = StoreTestSupport.scratch()
        let count = KeyEntry.entriesPerRow * 2 + 57
        let places = StoreTestSupport.write(
            (1...count).map { StoreTestSupport.placeRow(id: 500 + $0, name: "Springfield", population: "\($0)") }
                .joined(separator: "\n"), to: "many.txt", in: folder)
        let url = folder.appendingPathComponent("db.sqlite")
        let builder = try StoreBuilder(destination: url, normalizer: StoreTestSupport.normalizer)
        try builder.importPlaces(path: places)
        try builder.finish()
        let key = StoreTestSupport.normalizer.keys(for: "Springfield").matchKey
        let entries = try LookupPool(path: url.path).withConnection { $0.entries(matchKey: key) }
        #expect(entries.count == count)
        #expect(Set(entries.map(\.pid)) == Set((1...count).map { Int64(500 + $0) }))
        // Most populous first, across the rows.
        #expect(entries.map(\.population) == entries.map(\.population).sorted(by: >))
    }

    @Test func codesBeyondTwoBytesAreRefused() throws {
        var codes = KeyCodes.Builder()
        for value in 1...UInt64(UInt16.max) { _ = try codes.code(value) }
        #expect(throws: KeyCodes.Overflow.self) { try codes.code(1 << 40) }
        #expect(try codes.code(7) == 7)
    }

    /// The builder hashes deletion variants without making them; a query makes them. Both must agree.
    @Test(arguments: ["jermuk", "hallstatt", "ереван", "tbilisi", "aaaa", "ab", "სტეფანწმინდა",
                      String(repeating: "x", count: 41), "naïve café"])
    func variantHashesAreTheHashesOfTheVariants(key: String) {
        var hashes: [UInt32] = []
        FuzzyVariants.forEachHash(of: key) { hashes.append($0) }
        #expect(hashes == FuzzyVariants.of(key).map(searchKeyHash))
    }

    @Test func bucketsGrowWithTheIndexAndPairsKeepTheirOrder() {
        #expect(FuzzyBuckets(pairCount: 10_000).bits == 16)
        #expect(FuzzyBuckets(pairCount: 100_000_000).bits == 21)
        let layout = FuzzyBuckets(bits: 20)
        let pairs: [UInt64] = [0xABCD_E123_0000_0001, 0xABCD_E123_0000_0002, 0xABCD_EFFF_FFFF_FFFF].sorted()
        var blob: [UInt8] = []
        for pair in pairs { layout.write(pair, to: &blob) }
        #expect(Set(pairs.map { layout.bucket(UInt32($0 >> 32)) }).count == 1)
        let stored = blob.withUnsafeBytes { raw in (0..<pairs.count).map { FuzzyBuckets.pair(raw, $0) } }
        #expect(stored == pairs.map { layout.low(UInt32($0 >> 32)) << 32 | $0 & 0xFFFF_FFFF })
        #expect(stored == stored.sorted())
    }

    /// The fuzzy pairs are made in passes over ranges of hashes, to bound the import's memory: any number of
    /// passes writes the buckets one pass writes.
    @Test func bucketsWrittenInManyPassesAreTheBucketsOfOne() throws {
        let url = StoreTestSupport.scratch().appendingPathComponent("db.sqlite")
        try StoreTestSupport.buildFixture(at: url)
        let queue = try DatabaseQueue(path: url.path)
        let (count, original) = try queue.read { db in
            var count = 0
            for key in try String.fetchAll(db, sql: "SELECT match_key FROM fuzzy_key") {
                FuzzyVariants.forEachHash(of: key) { _ in count += 1 }
            }
            return (count, try Row.fetchAll(db, sql: "SELECT bucket, entries FROM fuzzy_bucket ORDER BY rowid"))
        }
        #expect(count > 20 && original.count > 5, "\(count) pairs in \(original.count) buckets")
        for perPass in [count, 7, 1] {
            let rewritten = try queue.write { db in
                try db.execute(sql: "DELETE FROM fuzzy_bucket; DELETE FROM metadata WHERE key = 'fuzzy_bucket_bits'")
                try KeyIndexBuilder.writeBuckets(pairs: count, perPass: perPass, in: db)
                return try Row.fetchAll(db, sql: "SELECT bucket, entries FROM fuzzy_bucket ORDER BY rowid")
            }
            #expect(rewritten == original, "\(perPass) pairs a pass")
        }
    }
}
