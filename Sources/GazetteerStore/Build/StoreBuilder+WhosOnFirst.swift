import Foundation
import GRDB

/// Who's On First (`Gazetteer/wof/`, written by `Scripts/refresh-wof`): the localities GeoNames' cities500 cut
/// leaves out, and WOF's names in every language for the places the store already has.
///
/// One place per real place: a record joins the place its GeoNames concordance names when the store has it,
/// else a place of the same name (up to romanization) in the same country within a few kilometres; only the
/// rest become places of their own, `wof:<id>`, with the first-level division their hierarchy maps to.
/// Deprecated records are left out; a superseded record's names go to the record that replaced it.
extension StoreBuilder {
    /// What an import of WOF records did with them.
    public struct WhosOnFirstReport: Sendable, Equatable {
        /// Records joined to a place by their GeoNames concordance.
        public var byConcordance = 0
        /// Records joined to a place of the same name nearby.
        public var byNameAndDistance = 0
        /// Records that became places of their own.
        public var newPlaces = 0
        /// Records whose names went to the record that superseded them.
        public var superseded = 0
        /// Deprecated records, and superseded ones whose successor is missing or deprecated.
        public var leftOut = 0
        /// Divisions (`region`, `county` …) with no place in the store: their localities are places, they
        /// are not.
        public var divisionsWithoutPlace = 0
    }

    /// Placetypes that become places of their own when the store lacks them, in the order they are placed,
    /// with their feature. A `localadmin` of Armenia is a village's community: it is the village when no
    /// locality inside it has its name.
    private static let wofFeatures = ["locality": ("P", "PPL"), "neighbourhood": ("P", "PPLX"),
                                      "localadmin": ("P", "PPL")]
    private static let wofPlacingOrder = ["locality": 0, "neighbourhood": 1, "localadmin": 2]

    /// Loads `places.tsv.gz` and `names.tsv.gz` (or the same tables uncompressed) from `directory`.
    @discardableResult
    public func importWhosOnFirst(directory: URL, label: String = "wof") throws -> WhosOnFirstReport {
        func table(_ name: String) throws -> LineReader {
            let compressed = directory.appendingPathComponent(name + ".gz").path
            return try LineReader(path: FileManager.default.fileExists(atPath: compressed)
                                  ? compressed : directory.appendingPathComponent(name).path)
        }
        let placesReader = try table("places.tsv")
        let namesReader = try table("names.tsv")
        progress("wof", nil)
        let tables = try WhosOnFirstTables(places: placesReader, names: namesReader, skip: diagnostics.skip)
        var report = WhosOnFirstReport()
        try queue.write { db in
            var nearby = try NearbyNames(countries: Set(tables.records.map(\.country).filter { !$0.isEmpty }), in: db)
            let byID = Dictionary(tables.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let admin1 = try admin1Codes(of: tables.records, in: db)
            var pids: [Int64: Int64] = [:]
            var keyed: [Int64: [KeyedName]] = [:]
            /// The places of the localities inside each community, with their names' match keys.
            var placesInside: [Int64: [(pid: Int64, keys: Set<String>)]] = [:]
            let current = tables.records.filter { !$0.isDeprecated && $0.supersededBy == nil }
            let placingOrder = current.indices.sorted { (Self.placingRank(current[$0]), $0) < (Self.placingRank(current[$1]), $1) }
            for record in placingOrder.map({ current[$0] }) {
                let names = wofNames(record, tables.names[record.id] ?? [])
                keyed[record.id] = names
                let preferred = Set(names.filter { $0.kind == .preferred }.map(\.keys.matchKey))
                let location = Coordinate(latitude: record.latitude, longitude: record.longitude)
                if let number = record.geonamesID, let pid = pid(for: "geonames:\(number)") {
                    pids[record.id] = pid
                    report.byConcordance += 1
                } else if let feature = Self.wofFeatures[record.placetype] {
                    let inside = placesInside[record.id]?.first(where: { !$0.keys.isDisjoint(with: preferred) })?.pid
                    if let pid = inside ?? nearby.place(matching: preferred, country: record.country, at: location) {
                        pids[record.id] = pid
                        report.byNameAndDistance += 1
                    } else {
                        let pid = Int64(1 << 41) | record.id
                        let code = record.ancestors.reversed().lazy.compactMap { admin1[$0] }.first ?? ""
                        try insertPlace(Place(id: "wof:\(record.id)", name: record.name, featureClass: feature.0,
                                              featureCode: feature.1, country: record.country, admin1: code,
                                              latitude: record.latitude, longitude: record.longitude,
                                              population: record.population, source: label), pid: pid, in: db)
                        for name in names {
                            nearby.add(pid: pid, matchKey: name.keys.matchKey, country: record.country, at: location)
                        }
                        pids[record.id] = pid
                        report.newPlaces += 1
                    }
                } else {
                    report.divisionsWithoutPlace += 1
                }
                if let pid = pids[record.id], let community = record.ancestors.last, community != record.id {
                    placesInside[community, default: []].append((pid, preferred))
                }
            }
            for record in tables.records {
                guard let pid = pids[record.id] ?? successor(of: record, in: byID).flatMap({ pids[$0] }) else {
                    if record.isDeprecated || record.supersededBy != nil { report.leftOut += 1 }
                    continue
                }
                wofPIDs["wof:\(record.id)"] = pid
                if record.supersededBy != nil { report.superseded += 1 }
                for name in keyed[record.id] ?? wofNames(record, tables.names[record.id] ?? [])
                where nearby.insert(pid: pid, name: name.keys.display) {
                    try insertName(pid: pid, name, source: label, in: db)
                }
            }
            let newest = tables.records.map(\.modified).max()
            try recordSource(placesReader, kind: "wof places", label: label, rows: tables.records.count,
                             date: newest, in: db)
            try recordSource(namesReader, kind: "wof names", label: label,
                             rows: tables.names.values.reduce(0) { $0 + $1.count }, date: newest, in: db)
        }
        setMetadata("wof_import", "\(report.byConcordance) by concordance, \(report.byNameAndDistance) by name and "
                    + "distance, \(report.newPlaces) new places, \(report.superseded) superseded, "
                    + "\(report.leftOut) left out, \(report.divisionsWithoutPlace) divisions without a place")
        return report
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

    /// The GeoNames first-level division code of each WOF division or locality that the store has by its
    /// concordance, so that a new locality can take its nearest ancestor's.
    private func admin1Codes(of records: [WhosOnFirstTables.Record], in db: Database) throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        let statement = try db.makeStatement(sql: "SELECT admin1 FROM place WHERE pid = ?")
        for record in records where !record.isDeprecated && Self.wofFeatures[record.placetype] == nil {
            guard let number = record.geonamesID, let pid = pid(for: "geonames:\(number)"),
                  let code = try String.fetchOne(statement, arguments: [pid]), !code.isEmpty, code != "00" else {
                continue
            }
            codes[record.id] = code
        }
        return codes
    }
}
