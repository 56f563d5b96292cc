import Foundation
import GRDB

/// The populated places of a few countries by the match keys of their names, to find the place a record without a
/// usable GeoNames concordance plainly is: the same name (up to romanization), the same country, a few
/// kilometres away. Built from what the store holds so far, and grown as an import adds places.
struct NearbyNames {
    struct Point {
        var pid: Int64
        var location: Coordinate
    }

    /// How far apart two points of one place may be: villages' points differ by a few kilometres between
    /// sources (centroid, label point, the village council).
    static let radiusKilometres = 5.0

    private var points: [String: [Point]] = [:]
    /// The names each place already has, so that a second source does not repeat them.
    private(set) var written: Set<PlaceName> = []

    struct PlaceName: Hashable {
        var pid: Int64
        var name: String
    }

    /// Loads the names of the populated places in `countries` (a village is not the lake it is named after).
    init(countries: Set<String>, in db: Database) throws {
        guard !countries.isEmpty else { return }
        let list = countries.sorted().map { "'\($0.filter(\.isLetter))'" }.joined(separator: ",")
        // CROSS JOIN keeps SQLite scanning names and finding each place by its row id: names have no index
        // by place until the build finishes.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.pid, n.name, n.match_key, p.country, p.latitude, p.longitude
            FROM name n CROSS JOIN place p ON p.pid = n.pid WHERE p.country IN (\(list)) AND p.feature_class = 'P'
            """)
        while let row = try rows.next() {
            let pid: Int64 = row[0]
            written.insert(PlaceName(pid: pid, name: row[1]))
            add(pid: pid, matchKey: row[2], country: row[3], at: Coordinate(latitude: row[4], longitude: row[5]))
        }
    }

    mutating func add(pid: Int64, matchKey: String, country: String, at location: Coordinate) {
        let key = country + "\t" + matchKey
        if points[key]?.contains(where: { $0.pid == pid }) == true { return }
        points[key, default: []].append(Point(pid: pid, location: location))
    }

    /// Records that a place now has `name`; false when it had it already.
    mutating func insert(pid: Int64, name: String) -> Bool {
        written.insert(PlaceName(pid: pid, name: name)).inserted
    }

    /// The nearest place within ``radiusKilometres`` that has one of `matchKeys` in `country`.
    func place(matching matchKeys: some Sequence<String>, country: String, at location: Coordinate) -> Int64? {
        var best: (pid: Int64, distance: Double)?
        for matchKey in matchKeys {
            for point in points[country + "\t" + matchKey] ?? [] {
                let distance = location.distance(to: point.location)
                if distance <= Self.radiusKilometres, distance < best?.distance ?? .infinity {
                    best = (point.pid, distance)
                }
            }
        }
        return best?.pid
    }
}
