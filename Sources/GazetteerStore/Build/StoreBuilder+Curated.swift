import Foundation
import GRDB

/// The curated overlay (`Gazetteer/curated/`, format in its README): places GeoNames lacks, names with
/// their language, kind and source, and corrections to GeoNames.
extension StoreBuilder {
    /// Loads `places/*.tsv`, `names/*.tsv` and `corrections.tsv` from `directory`, files in name order.
    public func importCurated(directory: URL, label: String = "curated") throws {
        let files = { (folder: String) -> [String] in
            let url = directory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".tsv") }.sorted().map { url.appendingPathComponent($0).path }
        }
        for path in files("places") { try importCuratedPlaces(path: path, label: label) }
        for path in files("names") { try importCuratedNames(path: path, label: label) }
        let corrections = directory.appendingPathComponent("corrections.tsv").path
        if FileManager.default.fileExists(atPath: corrections) { try importCorrections(path: corrections, label: label) }
    }

    /// Curated places: `id name feature country admin1 lat lon population source note`.
    func importCuratedPlaces(path: String, label: String) throws {
        try forEachCuratedRow(path: path, kind: "curated places", header: "id", columns: 9, label: label) { row, db in
            let id = try row.required(0, "id")
            let feature = try row.required(2, "feature").split(separator: ".", maxSplits: 1).map(String.init)
            guard feature.count == 2 else { throw row.error("feature", "expected CLASS.CODE, e.g. P.PPL") }
            let country = try row.text(3, "country")
            guard country.isEmpty || country.count == 2 else { throw row.error("country", "'\(country)' is not ISO 3166-1 alpha-2") }
            let place = Place(
                id: id, name: try row.required(1, "name"), featureClass: feature[0], featureCode: feature[1],
                country: country, admin1: try row.text(4, "admin1"),
                latitude: try row.coordinate(5, "lat", in: -90...90),
                longitude: try row.coordinate(6, "lon", in: -180...180),
                population: try row.integer(7, "population", default: 0), source: label)
            let citation = try row.required(8, "source")
            if pid(for: id) != nil { return }  // GeoNames has it after all: its names still attach below
            let pid: Int64
            if id.hasPrefix("geonames:"), let number = Int(id.dropFirst(9)), number > 0 {
                _ = geonameIDs.insert(number)
                pid = Int64(number)
            } else if id.hasPrefix("curated:"), id.count > 8 {
                pid = nextCuratedPID
                nextCuratedPID += 1
                curatedPIDs[id] = pid
            } else {
                throw row.error("id", "'\(id)' is neither geonames:<number> nor curated:<slug>")
            }
            try insertPlace(place, pid: pid, in: db)
            try insertName(pid: pid, name: place.name, language: "en", kind: .preferred, source: label,
                           citation: citation, in: db)
        }
    }

    /// Curated names: `place name lang kind source note`.
    func importCuratedNames(path: String, label: String) throws {
        try forEachCuratedRow(path: path, kind: "curated names", header: "place", columns: 5, label: label) { row, db in
            let id = try row.required(0, "place")
            guard let pid = pid(for: id) else { throw row.error("place", "no place with id '\(id)' in the store") }
            let kindText = try row.required(3, "kind")
            guard let kind = NameKind(rawValue: kindText) else {
                throw row.error("kind", "'\(kindText)' is not one of "
                                + NameKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try insertName(pid: pid, name: try row.required(1, "name"), language: try row.text(2, "lang"),
                           kind: kind, source: label, citation: try row.required(4, "source"), in: db)
        }
    }

    /// Corrections to GeoNames: `place action value source note`, where action is `drop-name`,
    /// `set-population`, `set-coordinates` (`lat,lon`), `set-feature` (`CLASS.CODE`) or `set-name`.
    func importCorrections(path: String, label: String) throws {
        try forEachCuratedRow(path: path, kind: "corrections", header: "place", columns: 4, label: label) { row, db in
            let id = try row.required(0, "place")
            guard let pid = pid(for: id) else { throw row.error("place", "no place with id '\(id)' in the store") }
            let action = try row.required(1, "action")
            let value = try row.required(2, "value")
            _ = try row.required(3, "source")
            switch action {
            case "drop-name":
                try db.execute(sql: "DELETE FROM name_load WHERE pid = ? AND name = ? AND source <> ?",
                               arguments: [pid, value, try labelCode(label, in: db)])
            case "set-population":
                guard let population = Int(value), population >= 0 else {
                    throw row.error("value", "'\(value)' is not a population")
                }
                try db.execute(sql: "UPDATE place SET population = ? WHERE pid = ?", arguments: [population, pid])
            case "set-coordinates":
                let parts = value.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]) else {
                    throw row.error("value", "'\(value)' is not lat,lon")
                }
                try db.execute(sql: "UPDATE place SET latitude = ?, longitude = ? WHERE pid = ?",
                               arguments: [StoredCoordinate.stored(parts[0]), StoredCoordinate.stored(parts[1]), pid])
            case "set-feature":
                let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw row.error("value", "expected CLASS.CODE") }
                try db.execute(sql: "UPDATE place SET feature_class = ?, feature_code = ? WHERE pid = ?",
                               arguments: [parts[0], parts[1], pid])
            case "set-name":
                try db.execute(sql: "UPDATE place SET name = ? WHERE pid = ?", arguments: [value, pid])
                try insertName(pid: pid, name: value, language: "en", kind: .preferred, source: label, in: db)
            default:
                throw row.error("action", "'\(action)' is not drop-name, set-population, set-coordinates, "
                                + "set-feature or set-name")
            }
        }
    }

    /// Runs `body` on each data row of a curated table (after its header row), in one transaction, and
    /// records the file as a source.
    private func forEachCuratedRow(path: String, kind: String, header: String, columns: Int, label: String,
                                   _ body: (TabularRow, Database) throws -> Void) throws {
        let reader = try openInput(path)
        var rows = 0
        try queue.write { db in
            try forEachRow(of: reader, stage: kind) { row in
                if try row.text(0, header) == header { return }
                try row.require(columns: columns)
                try body(row, db)
                rows += 1
            }
            try recordSource(reader, kind: kind, label: label, rows: rows, date: nil, in: db)
        }
    }
}
