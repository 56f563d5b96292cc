import Foundation
import GRDB

/// The populated places of a few countries by the match keys of their names, to find the place a record without a
/// usable GeoNames concordance plainly is: the same name (up to romanization), the same country, a few
/// kilometres away. Built from what the store holds so far, and grown as an import adds places.
struct NearbyNames {
    struct Point {
        var pid: Int64
        var location: Coordinate
        var population: Int
    }

    /// How far apart two points of one village may be: they differ by a few kilometres between sources
    /// (centroid, label point, the village council).
    static let villageRadius = 5.0
    /// How far apart two points of a town, or of a community and its village, may be: their centroids lie
    /// further from the point GeoNames gives (Rustavi's WOF centroid is 6 km from GeoNames').
    static let townRadius = 10.0
    static let townPopulation = 10_000

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
            SELECT n.pid, n.name, n.match_key, p.country, \(StoredCoordinate.degrees("p.latitude")),
                   \(StoredCoordinate.degrees("p.longitude")), p.population
            FROM name_load n CROSS JOIN place p ON p.pid = n.pid WHERE p.country IN (\(list)) AND p.feature_class = 'P'
            """)
        while let row = try rows.next() {
            let pid: Int64 = row[0]
            written.insert(PlaceName(pid: pid, name: row[1]))
            add(pid: pid, matchKey: row[2], country: row[3], at: Coordinate(latitude: row[4], longitude: row[5]),
                population: row[6])
        }
    }

    mutating func add(pid: Int64, matchKey: String, country: String, at location: Coordinate, population: Int) {
        let key = country + "\t" + matchKey
        if points[key]?.contains(where: { $0.pid == pid }) == true { return }
        points[key, default: []].append(Point(pid: pid, location: location, population: population))
    }

    /// Records that a place now has `name`; false when it had it already.
    mutating func insert(pid: Int64, name: String) -> Bool {
        written.insert(PlaceName(pid: pid, name: name)).inserted
    }

    /// The nearest place that has one of `matchKeys` in `country`, within ``villageRadius`` of `location`,
    /// or ``townRadius`` for a town or when `location` is a community's centroid.
    func place(matching matchKeys: some Sequence<String>, country: String, at location: Coordinate,
               isCommunity: Bool) -> Int64? {
        var best: (pid: Int64, distance: Double)?
        for matchKey in matchKeys {
            for point in points[country + "\t" + matchKey] ?? [] {
                let distance = location.distance(to: point.location)
                let radius = isCommunity || point.population >= Self.townPopulation ? Self.townRadius : Self.villageRadius
                if distance <= radius, distance < best?.distance ?? .infinity {
                    best = (point.pid, distance)
                }
            }
        }
        return best?.pid
    }
}
