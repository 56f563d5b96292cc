import Foundation
import GRDB
@testable import GazetteerStore
import Testing

/// The in-memory filters decide which keys reach SQLite: one that turned a name away would lose it silently.
@Suite struct LookupFilterTests {
    typealias Support = StoreTestSupport

    /// A fixture database and its match keys, as the key index holds them.
    private static func fixture() throws -> (path: String, keys: [String], searchKeys: [String]) {
        let url = Support.scratch().appendingPathComponent("gazetteer.sqlite")
        try Support.buildFixture(at: url)
        return try DatabaseQueue(path: url.path).read { db in
            (url.path, try String.fetchAll(db, sql: "SELECT match_key FROM key_index"),
             try Support.storedNames(db).map { StoredSearchKey.searchKey(stored: $0.record.searchKey, name: $0.record.name) })
        }
    }

    @Test func theKeyFilterPassesEveryKeyAndAnswersAsTheDatabaseDoes() throws {
        let (path, keys, _) = try Self.fixture()
        #expect(keys.count > 10)
        let pool = LookupPool(path: path)
        try pool.withConnection { connection in
            #expect(connection.keyFilter.count == keys.count)
            for key in keys {
                #expect(connection.keyFilter.mayContain(key), "the filter rejects \(key), a key of the index")
                #expect(!connection.entries(matchKey: key).isEmpty)
            }
            // Keys no name has: rejected in memory (a hash collision would only cost a probe).
            let absent = keys.map { $0 + "qx" } + ["", "zzzzzz", "police chief", "jarmukx"]
            let rejected = absent.filter { !connection.keyFilter.mayContain($0) }
            #expect(rejected.count == absent.count)
            for key in absent { #expect(connection.entries(matchKey: key).isEmpty) }
        }
    }

    /// A process that resolves one name should not copy the filter: it is read at the 64th key asked, and
    /// answers are the index's own before that.
    @Test func theKeyFilterIsReadOnlyOnceLookupsAskEnough() throws {
        let (path, keys, _) = try Self.fixture()
        try LookupPool(path: path).withConnection { connection in
            let asked = (0..<LazyKeyFilter.probesBeforeReading - 1).map { index in
                index % 2 == 0 ? keys[index % keys.count] : keys[index % keys.count] + "qx"
            }
            for (index, key) in asked.enumerated() {
                #expect(connection.entries(matchKey: key).isEmpty == !index.isMultiple(of: 2), "\(key)")
            }
            #expect(!connection.memory.keyFilter.isRead)
            #expect(connection.entries(matchKey: "zzzzzz").isEmpty)
            #expect(connection.memory.keyFilter.isRead)
            #expect(!connection.entries(matchKey: keys[0]).isEmpty)
        }
    }

    @Test func connectionsOfOnePoolShareTheFilter() throws {
        let (path, keys, _) = try Self.fixture()
        let pool = LookupPool(path: path)
        // Two connections at once: the second is new, and gets the first one's filter.
        try pool.withConnection { first in
            try pool.withConnection { second in
                #expect(first !== second)
                #expect(second.keyFilter.count == keys.count)
                #expect(keys.allSatisfy(second.keyFilter.mayContain))
            }
        }
    }

    @Test func aDatabaseWithoutTheFilterProbesEveryKey() throws {
        let (path, keys, _) = try Self.fixture()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM word_index WHERE name = 'match_keys'")
        }
        try LookupPool(path: path).withConnection { connection in
            #expect(connection.keyFilter.count == 0)
            #expect(connection.keyFilter.mayContain("anything"))
            #expect(keys.allSatisfy { !connection.entries(matchKey: $0).isEmpty })
        }
    }

    @Test func theFirstWordIndexKnowsEveryFirstWordAndItsLongestName() throws {
        let (path, _, searchKeys) = try Self.fixture()
        let index = try FirstWordIndex(database: GazetteerDatabase(path: path))
        var longest: [String: Int] = [:]
        for key in searchKeys {
            let words = key.split(separator: " ")
            guard let first = words.first else { continue }
            let matchKey = Support.normalizer.matchKey(forSearchKey: String(first))
            longest[matchKey] = max(longest[matchKey, default: 0], words.count)
        }
        for (matchKey, words) in longest {
            #expect(index.maximumWords(startingWith: matchKey) == min(words, 255), "first word \(matchKey)")
        }
        #expect(index.maximumWords(startingWith: "qqqxz") == 0)
    }

    @Test func sortedHashesRoundTripThroughTheDatabase() throws {
        let entries: [UInt64] = [0x1234_5678_9ABC_DE01, 0x0000_0000_0000_0102, 0xFFFF_FFFF_FFFF_FF03]
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: Schema.tables)
            try db.execute(sql: "INSERT INTO word_index (name, data) VALUES ('other', ?), ('test', ?)",
                           arguments: [Data(repeating: 7, count: 16), SortedHashes(entries: entries).data()])
        }
        let (read, missing) = try queue.read { db in
            (SortedHashes(handle: db.sqliteConnection!, name: "test"), SortedHashes(handle: db.sqliteConnection!, name: "none"))
        }
        #expect(read.count == 3)
        for entry in entries { #expect(read.entry(matching: entry) == entry) }
        #expect(read.entry(matching: 0x1234_5678_9ABC_DF00) == nil)
        #expect(missing.isEmpty)
    }
}
