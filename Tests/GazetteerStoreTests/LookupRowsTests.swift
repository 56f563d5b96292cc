import Foundation
import GRDB
@testable import GazetteerStore
import Testing

/// Lookups read place and name rows without joins, and the lexicon from its hashes: each must answer as the
/// tables do, or a resolution would change silently.
@Suite struct LookupRowsTests {
    typealias Support = StoreTestSupport

    /// A fixture database with a small ordinary-word list and a Russian surname list.
    private static func fixture() throws -> String {
        let directory = Support.scratch()
        let common = directory.appendingPathComponent("common.txt")
        try "# test\npress\nservice\ntoday\n".write(to: common, atomically: true, encoding: .utf8)
        let surnames = directory.appendingPathComponent("surnames-ru.txt")
        try "# test\nПутин\nПескова\nMirzoyan\n".write(to: surnames, atomically: true, encoding: .utf8)
        let url = directory.appendingPathComponent("gazetteer.sqlite")
        try Support.buildFixture(at: url, lexicons: [(common.path, "common"), (surnames.path, "surname-ru")])
        return url.path
    }

    @Test func placeAndNameRowsAreThoseOfTheJoinedTables() throws {
        let path = try Self.fixture()
        let database = try GazetteerDatabase(path: path)
        let (names, labels, ids) = try DatabaseQueue(path: path).read { db in
            (try Support.storedNames(db),
             try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT code, name FROM label")
                .map { ($0[0] as Int64, $0[1] as String) }),
             try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT pid, coalesce(id, 'geonames:' || pid) FROM place
                """).map { ($0[0] as Int64, $0[1] as String) }))
        }
        #expect(names.count > 10)
        #expect(names.contains { ids[$0.pid]!.hasPrefix("curated:") })
        try LookupPool(path: path).withConnection { connection in
            for (pid, record) in names {
                let name = try #require(connection.name(nid: pid << 16 | Int64(record.seq)))
                #expect(name.name == record.name)
                #expect(name.language == record.language)
                #expect(KeyEntry.code(of: name.kind) == record.kind)
                #expect(name.source == labels[record.source])
                #expect(name.searchKey == StoredSearchKey.searchKey(stored: record.searchKey, name: record.name))
                let place = try #require(connection.place(pid: pid))
                #expect(place == (try database.place(id: ids[pid]!)), "place \(pid)")
            }
            #expect(connection.place(pid: 999_999_999) == nil)
            #expect(connection.name(nid: 999_999_999 << 16) == nil)
        }
    }

    @Test(arguments: [true, false])
    func theLexiconAnswersAsItsTable(withHashes: Bool) throws {
        let path = try Self.fixture()
        if !withHashes {
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "DELETE FROM word_index WHERE name LIKE 'lexicon:%'")
            }
        }
        let entries = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT category, search_key FROM lexicon").map { ($0[0] as String, $0[1] as String) }
        }
        #expect(Set(entries.map(\.0)) == ["common", "surname-ru"])
        try LookupPool(path: path).withConnection { connection in
            // Asked often enough that the answers come first from the table, then from the hashes once read.
            for _ in 0..<(LexiconHashes.probesBeforeReading / 2 + 1) {
                for (category, key) in entries {
                    #expect(connection.lexiconContains(key, category: category), "\(category) \(key)")
                    #expect(!connection.lexiconContains(key + "qx", category: category))
                    #expect(!connection.lexiconContains(key, category: category == "common" ? "surname-ru" : "common"))
                }
            }
            for (category, key) in entries {
                #expect(connection.isCommonWord(key) == (category == "common"))
                #expect(connection.isSurname(key) == (category == "surname-ru"))
            }
        }
    }
}
