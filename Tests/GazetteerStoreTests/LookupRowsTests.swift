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
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: """
                SELECT name.pid, name.seq, name.name, name.language, name.kind, label.name, name.search_key,
                       coalesce(place.id, 'geonames:' || place.pid)
                FROM name JOIN label ON label.code = name.source JOIN place ON place.pid = name.pid
                """)
        }
        #expect(rows.count > 10)
        #expect(rows.contains { ($0[7] as String).hasPrefix("curated:") })
        try LookupPool(path: path).withConnection { connection in
            for row in rows {
                let pid: Int64 = row[0]
                let seq: Int64 = row[1]
                let name = try #require(connection.name(nid: pid << 16 | seq))
                #expect(name.name == row[2])
                #expect(name.language == row[3])
                #expect(KeyEntry.code(of: name.kind) == row[4])
                #expect(name.source == row[5])
                #expect(name.searchKey == StoredSearchKey.searchKey(stored: row[6], name: row[2]))
                let place = try #require(connection.place(pid: pid))
                #expect(place == (try database.place(id: row[7])), "place \(pid)")
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
