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

    /// Every name of the place `id`, official names first, then by language and name.
    public func names(of id: String) throws -> [PlaceName] {
        let condition = PlaceID.condition(id)
        let (records, labels) = try read { db in
            let blob = try Data.fetchOne(db, sql: """
                SELECT place_name.names FROM place JOIN place_name USING (pid) WHERE \(condition.sql)
                """, arguments: [condition.argument])
            let records = blob.map { data in data.withUnsafeBytes { StoredNames.records(in: $0) } } ?? []
            let labels = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT code, name FROM label")
                .map { ($0[0] as Int64, $0[1] as String) })
            return (records, labels)
        }
        guard !records.isEmpty else { return [] }
        let normalizer = try keyNormalizer.withLock { normalizer in
            if normalizer == nil { normalizer = try NameNormalizer(rules: NormalizationRules(), memoCapacity: 0) }
            return normalizer!
        }
        let names = records.compactMap { record -> PlaceName? in
            guard let source = labels[record.source] else { return nil }
            let searchKey = StoredSearchKey.searchKey(stored: record.searchKey, name: record.name)
            return PlaceName(placeID: id, name: record.name, language: record.language,
                             kind: KeyEntry.kind(code: Int64(record.kind)), source: source, citation: record.citation,
                             searchKey: searchKey, matchKey: normalizer.matchKey(forSearchKey: searchKey))
        }
        // Languages and names in byte order, as SQL's BINARY collation compares them.
        return names.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if Self.kindOrder(a.kind) != Self.kindOrder(b.kind) { return Self.kindOrder(a.kind) < Self.kindOrder(b.kind) }
            if a.language != b.language { return a.language.utf8.lexicographicallyPrecedes(b.language.utf8) }
            if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The order in which ``names(of:)`` lists kinds: the most authoritative first.
    private static func kindOrder(_ kind: NameKind) -> Int {
        switch kind {
        case .official: 0
        case .preferred: 1
        case .short: 2
        case .alternate: 3
        case .colloquial: 4
        case .historical: 5
        case .abbreviation: 6
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
