import Foundation

/// The two tables `Scripts/refresh-wof` writes from Who's On First records (`places.tsv.gz`, `names.tsv.gz`,
/// each with a header row naming its columns), read whole: they are small (a country's records), and merging
/// needs every record at hand to follow `superseded_by` and the hierarchy.
struct WhosOnFirstTables {
    /// One WOF record: a place of any placetype, with what merging needs.
    struct Record: Sendable {
        var id: Int64
        var placetype: String
        var name: String
        var country: String
        var latitude: Double
        var longitude: Double
        var population: Int
        /// GeoNames concordance (`gn:id`), when the record has one.
        var geonamesID: Int?
        /// Ancestors from `wof:hierarchy`, nearest last: country, region, county, localadmin.
        var ancestors: [Int64]
        var isDeprecated: Bool
        /// The record that replaced this one, when it was superseded.
        var supersededBy: Int64?
        var modified: String
    }

    /// One spelling of a record's name.
    struct Name: Sendable {
        var language: String
        var kind: NameKind
        var text: String
    }

    var records: [Record] = []
    var names: [Int64: [Name]] = [:]

    /// Reads the tables; malformed rows go to `skip` (which throws in strict mode) and are left out.
    init(places: LineReader, names namesReader: LineReader,
         skip: (ImportError) throws -> Void) throws {
        var known = Set<Int64>()
        try Self.forEachDataRow(of: places, header: "wof_id", skip: skip) { (row: TabularRow) throws(ImportError) in
            try row.require(columns: 16)
            let record = try Self.record(row)
            guard known.insert(record.id).inserted else {
                throw row.error("wof_id", "duplicate id \(record.id): the first row with it was kept")
            }
            records.append(record)
        }
        try Self.forEachDataRow(of: namesReader, header: "wof_id", skip: skip) { (row: TabularRow) throws(ImportError) in
            try row.require(columns: 4)
            let id = try Self.identifier(row, 0, "wof_id")
            guard known.contains(id) else { throw row.error("wof_id", "no record \(id) in places.tsv") }
            let kindText = try row.required(2, "kind")
            guard let kind = Self.kinds[kindText] else {
                throw row.error("kind", "'\(kindText)' is not one of " + Self.kinds.keys.sorted().joined(separator: ", "))
            }
            names[id, default: []].append(Name(language: try row.text(1, "language"), kind: kind,
                                               text: try row.required(3, "name")))
        }
    }

    /// WOF's name kinds (`name:LLL_x_kind`) as the store's.
    private static let kinds: [String: NameKind] = [
        "preferred": .preferred, "variant": .alternate, "historical": .historical, "colloquial": .colloquial,
    ]

    private static func record(_ row: TabularRow) throws(ImportError) -> Record {
        let country = try row.text(3, "country")
        guard country.count == 2 || country.isEmpty else {
            throw row.error("country", "'\(country)' is not ISO 3166-1 alpha-2")
        }
        let population = try row.integer(6, "population", default: 0)
        guard population >= 0 else { throw row.error("population", "is negative") }
        let geonamesID = try row.integer(7, "geonames_id", default: 0)
        guard geonamesID >= 0 else { throw row.error("geonames_id", "is negative") }
        var ancestors: [Int64] = []
        for (index, field) in [(8, "country_id"), (9, "region_id"), (10, "county_id"), (11, "localadmin_id")] {
            let value = try row.integer(index, field, default: 0)
            if value > 0 { ancestors.append(Int64(value)) }
        }
        let replacements = try row.text(14, "superseded_by").split(separator: ",")
        let supersededBy = try replacements.first.map { text throws(ImportError) -> Int64 in
            guard let id = Int64(text), id > 0 else { throw row.error("superseded_by", "'\(text)' is not a WOF id") }
            return id
        }
        return Record(
            id: try identifier(row, 0, "wof_id"), placetype: try row.required(1, "placetype"),
            name: try row.required(2, "name"), country: country,
            latitude: try row.coordinate(4, "latitude", in: -90...90),
            longitude: try row.coordinate(5, "longitude", in: -180...180), population: population,
            geonamesID: geonamesID > 0 ? geonamesID : nil, ancestors: ancestors,
            isDeprecated: !(try row.text(13, "deprecated")).isEmpty, supersededBy: supersededBy,
            modified: try row.text(15, "lastmodified"))
    }

    private static func identifier(_ row: TabularRow, _ index: Int, _ field: String) throws(ImportError) -> Int64 {
        let value = try row.integer(index, field)
        guard value > 0 else { throw row.error(field, "must be positive") }
        return Int64(value)
    }

    private static func forEachDataRow(of reader: LineReader, header: String, skip: (ImportError) throws -> Void,
                                       _ body: (TabularRow) throws(ImportError) -> Void) throws {
        while let bytes = try reader.next() {
            let row = TabularRow(bytes, file: reader.path, line: reader.lineNumber)
            if row.isCommentOrBlank || (try? row.text(0, header)) == header { continue }
            do throws(ImportError) {
                try body(row)
            } catch {
                try skip(error)
            }
        }
    }
}
