import Foundation
import GRDB

/// Who's On First (`Gazetteer/wof/`, written by `Scripts/refresh-wof`): the localities GeoNames' cities500 cut
/// leaves out, and WOF's names in every language for the places the store already has.
///
/// One place per real place: a record joins the place its GeoNames concordance names when the store has it,
/// else a place of the same name (up to romanization) in the same country within a few kilometres; only the
/// rest become places of their own, `wof:<id>`, with the first-level division their hierarchy maps to (else
/// the nearest place's).
/// Deprecated records are left out; a superseded record's names go to the record that replaced it.
extension StoreBuilder {
    /// What an import of WOF records did with them.
    package struct WhosOnFirstReport: Sendable, Equatable {
        /// Records joined to a place by their GeoNames concordance.
        package var byConcordance = 0
        /// Records joined to a place of the same name nearby.
        package var byNameAndDistance = 0
        /// Records that became places of their own.
        package var newPlaces = 0
        /// Records whose names went to the record that superseded them.
        package var superseded = 0
        /// Deprecated records, and superseded ones whose successor is missing or deprecated.
        package var leftOut = 0
        /// Divisions (`region`, `county` …) with no place in the store: their localities are places, they
        /// are not.
        package var divisionsWithoutPlace = 0
    }

    /// Placetypes that become places of their own when the store lacks them, in the order they are placed,
    /// with their feature. A `localadmin` of Armenia is a village's community: it is the village when no
    /// locality inside it has its name.
    private static let wofFeatures = ["locality": ("P", "PPL"), "neighbourhood": ("P", "PPLX"),
                                      "localadmin": ("P", "PPL")]
    private static let wofPlacingOrder = ["locality": 0, "neighbourhood": 1, "localadmin": 2]

    /// Loads `places.tsv.gz` and `names.tsv.gz` (or the same tables uncompressed) from `directory`.
    @discardableResult
    package func importWhosOnFirst(directory: URL, label: String = "wof") throws -> WhosOnFirstReport {
        func table(_ name: String) throws -> LineReader {
            let compressed = directory.appendingPathComponent(name + ".gz").path
            return try LineReader(path: FileManager.default.fileExists(atPath: compressed)
                                  ? compressed : directory.appendingPathComponent(name).path)
        }
        let placesReader = try table("places.tsv")
        let namesReader = try table("names.tsv")
        progress("wof", nil, nil)
        let tables = try WhosOnFirstTables(places: placesReader, names: namesReader, skip: diagnostics.skip)
        let report = try queue.write { db -> WhosOnFirstReport in
            let countries = Set(tables.records.map(\.country).filter { !$0.isEmpty })
            var merge = WhosOnFirstMerge(
                tables: tables, admin1: try admin1Codes(of: tables.records, in: db),
                nearestDivision: try NearestDivision(countries: countries, in: db),
                nearby: try NearbyNames(countries: countries, in: db))
            let current = tables.records.filter { !$0.isDeprecated && $0.supersededBy == nil }
            let order = current.indices.sorted {
                (Self.placingRank(current[$0]), $0) < (Self.placingRank(current[$1]), $1)
            }
            for index in order { try place(current[index], merge: &merge, label: label, in: db) }
            merge.noteCityNames(of: current)
            for record in tables.records { try addNames(of: record, merge: &merge, label: label, in: db) }
            let newest = tables.records.map(\.modified).max()
            try recordSource(placesReader, kind: "wof places", label: label, rows: tables.records.count,
                             date: newest, in: db)
            try recordSource(namesReader, kind: "wof names", label: label,
                             rows: tables.names.values.reduce(0) { $0 + $1.count }, date: newest, in: db)
            return merge.report
        }
        setMetadata("wof_import", "\(report.byConcordance) by concordance, \(report.byNameAndDistance) by name and "
                    + "distance, \(report.newPlaces) new places, \(report.superseded) superseded, "
                    + "\(report.leftOut) left out, \(report.divisionsWithoutPlace) divisions without a place")
        return report
    }

    /// Finds or makes the place of a current record.
    private func place(_ record: WhosOnFirstTables.Record, merge: inout WhosOnFirstMerge, label: String,
                       in db: Database) throws {
        let names = wofNames(record, merge.tables.names[record.id] ?? [])
        merge.keyed[record.id] = names
        let preferred = Set(names.filter { $0.kind == .preferred }.map(\.keys.matchKey))
        let location = Coordinate(latitude: record.latitude, longitude: record.longitude)
        let pid: Int64?
        if let number = record.geonamesID, let known = self.pid(for: "geonames:\(number)") {
            pid = known
            merge.report.byConcordance += 1
            // GeoNames sometimes has a town's population after a war emptied it (Khankendi: 2,100); WOF's
            // census figure says better how often the news names it, which is what ranking uses it for.
            if Self.wofFeatures[record.placetype] != nil, record.population > 0 {
                try db.execute(sql: "UPDATE place SET population = ? WHERE pid = ? AND population < ?",
                               arguments: [record.population, known, record.population])
            }
        } else if let feature = Self.wofFeatures[record.placetype] {
            let inside = merge.placesInside[record.id]?.first(where: { !$0.keys.isDisjoint(with: preferred) })?.pid
            let nearby = merge.nearby.place(matching: preferred, country: record.country, at: location,
                                            isCommunity: record.placetype == "localadmin")
            if let same = inside ?? nearby {
                pid = same
                merge.report.byNameAndDistance += 1
            } else {
                let new = Int64(1 << 41) | record.id
                // An ancestor in another country is WOF's hierarchy crossing a border (Nerk'in Hand in Armenia,
                // filed under an Azerbaijani region): not this place's division.
                let admin1 = merge.admin1
                let code = record.ancestors.reversed().lazy
                    .compactMap { admin1[$0].flatMap { $0.country == record.country ? $0.code : nil } }.first
                    ?? merge.nearestDivision.admin1(nearest: location, in: record.country) ?? ""
                try insertPlace(Place(id: "wof:\(record.id)", name: record.name, featureClass: feature.0,
                                      featureCode: feature.1, country: record.country, admin1: code,
                                      latitude: record.latitude, longitude: record.longitude,
                                      population: record.population, source: label), pid: new, in: db)
                for name in names {
                    merge.nearby.add(pid: new, matchKey: name.keys.matchKey, country: record.country, at: location,
                                     population: record.population)
                }
                pid = new
                merge.report.newPlaces += 1
            }
        } else {
            pid = nil
            merge.report.divisionsWithoutPlace += 1
        }
        guard let pid else { return }
        merge.pids[record.id] = pid
        if let community = record.ancestors.last, community != record.id {
            merge.placesInside[community, default: []].append((pid, preferred))
        }
    }

    /// Adds a record's names to its place, or to its successor's when it was superseded.
    private func addNames(of record: WhosOnFirstTables.Record, merge: inout WhosOnFirstMerge, label: String,
                          in db: Database) throws {
        guard let pid = merge.pids[record.id] ?? successor(of: record, in: merge.byID).flatMap({ merge.pids[$0] }) else {
            if record.isDeprecated || record.supersededBy != nil { merge.report.leftOut += 1 }
            return
        }
        wofPIDs["wof:\(record.id)"] = pid
        if record.supersededBy != nil { merge.report.superseded += 1 }
        let cityNames = Self.wofFeatures[record.placetype] == nil ? merge.cityNames[record.id] ?? [] : []
        for name in merge.keyed[record.id] ?? wofNames(record, merge.tables.names[record.id] ?? [])
        where !cityNames.contains(name.keys.matchKey) && merge.nearby.insert(pid: pid, name: name.keys.display) {
            try insertName(pid: pid, name, source: label, in: db)
        }
    }

    /// Localities first, so that a community finds the village it is named after among them.
    private static func placingRank(_ record: WhosOnFirstTables.Record) -> Int {
        wofPlacingOrder[record.placetype] ?? wofPlacingOrder.count
    }

    /// The current record that replaced a superseded one (following a chain of replacements), when it is
    /// loaded and not deprecated; nil for a deprecated record, whose names are not trusted.
    private func successor(of record: WhosOnFirstTables.Record,
                           in records: [Int64: WhosOnFirstTables.Record]) -> Int64? {
        guard !record.isDeprecated else { return nil }
        var current = record
        var visited: Set<Int64> = [record.id]
        while let next = current.supersededBy {
            guard visited.insert(next).inserted, let replacement = records[next], !replacement.isDeprecated else {
                return nil
            }
            current = replacement
        }
        return current.id
    }

    /// A record's names with their keys: its main name first, then the others in table order.
    private func wofNames(_ record: WhosOnFirstTables.Record, _ names: [WhosOnFirstTables.Name]) -> [KeyedName] {
        var seen: Set<String> = [record.name]
        return [keyedName(record.name, language: "", kind: .preferred)] + names.compactMap { name in
            seen.insert(name.text).inserted ? keyedName(name.text, language: name.language, kind: name.kind) : nil
        }
    }

    /// The country and GeoNames first-level division code of each WOF record that the store has by its
    /// concordance, so that a new locality can take its nearest ancestor's.
    private func admin1Codes(of records: [WhosOnFirstTables.Record],
                             in db: Database) throws -> [Int64: (country: String, code: String)] {
        var codes: [Int64: (country: String, code: String)] = [:]
        let statement = try db.makeStatement(sql: "SELECT country, admin1 FROM place WHERE pid = ?")
        for record in records where !record.isDeprecated {
            guard let number = record.geonamesID, let pid = pid(for: "geonames:\(number)"),
                  let row = try Row.fetchOne(statement, arguments: [pid]) else { continue }
            let code: String = row[1]
            if !code.isEmpty, code != "00" { codes[record.id] = (row[0], code) }
        }
        return codes
    }
}

/// What an import of WOF records has decided so far.
private struct WhosOnFirstMerge {
    let tables: WhosOnFirstTables
    let byID: [Int64: WhosOnFirstTables.Record]
    /// The country and GeoNames first-level division code of WOF records the store has.
    let admin1: [Int64: (country: String, code: String)]
    /// The division of a new place whose ancestors have none.
    let nearestDivision: NearestDivision
    var nearby: NearbyNames
    /// The place of each current record.
    var pids: [Int64: Int64] = [:]
    var keyed: [Int64: [StoreBuilder.KeyedName]] = [:]
    /// The places of the localities inside each community, with their names' match keys.
    var placesInside: [Int64: [(pid: Int64, keys: Set<String>)]] = [:]
    /// For each division, the match keys of the names of the cities inside it: a division named after its
    /// city (WOF's region "Stepanakert", whose concordance even names another division) would otherwise
    /// take the city's names in every language and outrank the city.
    var cityNames: [Int64: Set<String>] = [:]
    var report = StoreBuilder.WhosOnFirstReport()

    init(tables: WhosOnFirstTables, admin1: [Int64: (country: String, code: String)],
         nearestDivision: NearestDivision, nearby: NearbyNames) {
        self.tables = tables
        self.admin1 = admin1
        self.nearestDivision = nearestDivision
        self.nearby = nearby
        byID = Dictionary(tables.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A city is a locality of ``cityPopulation`` people or more; a village that shares its province's name
    /// leaves the province its names.
    static let cityPopulation = 10_000

    /// Fills ``cityNames`` from the placed localities of `records`.
    mutating func noteCityNames(of records: [WhosOnFirstTables.Record]) {
        for record in records where record.placetype == "locality" && record.population >= Self.cityPopulation {
            let keys = (keyed[record.id] ?? []).map(\.keys.matchKey)
            for ancestor in record.ancestors where ancestor != record.id {
                cityNames[ancestor, default: []].formUnion(keys)
            }
        }
    }
}
