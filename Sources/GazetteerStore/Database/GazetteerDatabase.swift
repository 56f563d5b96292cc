import Foundation
import GRDB
import Normalization
import Synchronization

/// A gazetteer database, opened read-only: places, their names and keys, and where they came from.
///
/// The file never changes in place (a rebuild writes a new file and renames it over the old one), so any
/// number of tasks may read it at once, and a reader that opened the old file keeps a consistent view.
///
/// ```swift
/// let gazetteer = try GazetteerDatabase(path: "gazetteer.sqlite")
/// let jermuk = try gazetteer.place(id: "geonames:174884")
/// let names = try gazetteer.names(of: "geonames:174884")  // Jermuk, Cermuk, Istisu, Ջերմուկ …
/// ```
public final class GazetteerDatabase: Sendable {
    /// The schema version this program reads and writes.
    package static let schemaVersion = Schema.version

    /// The file's path.
    public let path: String
    /// The connection: a serial queue, shared; lookups are short.
    package let queue: DatabaseQueue
    /// Computes the match keys of ``names(of:)``, which the store does not hold (they follow from the
    /// search keys); made on first use.
    private let keyNormalizer = Mutex<NameNormalizer?>(nil)

    /// Opens the database at `path`.
    /// - Throws: ``StoreError`` when the file is missing, is not a gazetteer, or has another schema version.
    public init(path: String) throws(StoreError) {
        self.path = path
        try Self.checkFile(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "gazetteer"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path)
        }
        let version: Int
        do {
            version = try queue.read { db in
                guard try db.tableExists("metadata") else { throw StoreError.notAGazetteer(path: path, reason: "no metadata table") }
                return try Int.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'schema_version'") ?? 0
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
        guard version == Schema.version else {
            throw .schemaMismatch(path: path, found: version, expected: Schema.version)
        }
    }

    /// The place with public id `id`, or nil.
    public func place(id: String) throws -> Place? {
        let condition = PlaceID.condition(id)
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.placeColumns) FROM \(Self.placeTables) WHERE \(condition.sql)",
                             arguments: [condition.argument])
                .map(Self.place(from:))
        }
    }

    /// Every name of the place `id`, official names first.
    public func names(of id: String) throws -> [PlaceName] {
        let condition = PlaceID.condition(id)
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT name.name, name.language, name_kind.name, label.name, name.citation, name.search_key
                FROM place JOIN name USING (pid) JOIN name_kind ON name_kind.code = name.kind
                     JOIN label ON label.code = name.source
                WHERE \(condition.sql)
                ORDER BY CASE name_kind.name WHEN 'official' THEN 0 WHEN 'preferred' THEN 1 WHEN 'short' THEN 2
                         WHEN 'alternate' THEN 3 WHEN 'colloquial' THEN 4 WHEN 'historical' THEN 5 ELSE 6 END,
                         name.language, name.name
                """, arguments: [condition.argument])
        }
        guard !rows.isEmpty else { return [] }
        let normalizer = try keyNormalizer.withLock { normalizer in
            if normalizer == nil { normalizer = try NameNormalizer(rules: NormalizationRules(), memoCapacity: 0) }
            return normalizer!
        }
        return rows.map { row in
            let searchKey = StoredSearchKey.searchKey(stored: row[5], name: row[0])
            return PlaceName(placeID: id, name: row[0], language: row[1], kind: NameKind(rawValue: row[2]) ?? .alternate,
                             source: row[3], citation: row[4], searchKey: searchKey,
                             matchKey: normalizer.matchKey(forSearchKey: searchKey))
        }
    }

    /// The entries of one lexicon category (search key → value): `common`, `given-name`, `title`,
    /// `demonym` …
    public func lexicon(_ category: String) throws -> [String: String] {
        try read { db in
            var entries: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT search_key, value FROM lexicon WHERE category = ?",
                                           arguments: [category])
            while let row = try rows.next() { entries[row[0]] = row[1] }
            return entries
        }
    }

    /// The metadata table: schema version, build time, fingerprints.
    package func metadata() throws -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM metadata").map {
                ($0[0] as String, $0[1] as String)
            })
        }
    }

    /// A warning when this database was built under normalization rules other than `rules` (its names'
    /// keys then differ from the keys of queries, and names go unfound); nil when they agree or the
    /// database does not record its rules.
    package func rulesMismatch(_ rules: String) -> String? {
        guard let built = try? metadata()["normalization_rules"], built != rules else { return nil }
        return "\(path): built with other normalization rules than the current ones, so names may go unfound; "
            + "rebuild it with `gazetteer build --out \(path)` or `gazetteer import`"
    }

    /// Runs `body` on the connection; SQLite's failures become ``StoreError``s that name this file (and,
    /// for a damaged one, how to rebuild it) instead of GRDB's dump of the statement.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    static let placeColumns = """
        \(PlaceID.column), place.name, place.feature_class, place.feature_code, place.country, place.admin1, place.admin2, \
        place.admin1_name, place.admin2_name, \(StoredCoordinate.degrees("place.latitude")), \
        \(StoredCoordinate.degrees("place.longitude")), place.population, place.timezone, \
        place_source.name, country.name
        """

    /// What ``placeColumns`` joins to `place`: its country's name, for labels ("Jermuk, Vayots Dzor, Armenia"),
    /// and the label of its source, stored as a number.
    static let placeJoins = """
        LEFT JOIN country ON country.code = place.country JOIN label AS place_source ON place_source.code = place.source
        """

    static let placeTables = "place " + placeJoins

    static func place(from row: Row) -> Place {
        Place(id: row[0], name: row[1], featureClass: row[2], featureCode: row[3], country: row[4], admin1: row[5],
              admin2: row[6], admin1Name: row[7], admin2Name: row[8], latitude: row[9], longitude: row[10],
              population: row[11], timezone: row[12], source: row[13], countryName: row[14])
    }
}
