import Foundation
import GRDB

/// The first-level division of the nearest populated place a store already has in a country: the division
/// of a new place whose own source gives none that the store knows (most of Who's On First's Georgian
/// regions have no GeoNames concordance).
struct NearestDivision {
    private var places: [String: [(admin1: String, location: Coordinate)]] = [:]

    /// Loads the populated places of `countries` that have a division.
    init(countries: Set<String>, in db: Database) throws {
        guard !countries.isEmpty else { return }
        let list = countries.sorted().map { "'\($0.filter(\.isLetter))'" }.joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT country, admin1, \(StoredCoordinate.degrees("latitude")), \(StoredCoordinate.degrees("longitude"))
            FROM place
            WHERE country IN (\(list)) AND feature_class = 'P' AND admin1 NOT IN ('', '00')
            """)
        while let row = try rows.next() {
            places[row[0], default: []].append((row[1], Coordinate(latitude: row[2], longitude: row[3])))
        }
    }

    /// The division code of the place nearest `location` in `country`, if the country has any.
    /// - Complexity: O(places in the country); a country's few thousand places take microseconds.
    func admin1(nearest location: Coordinate, in country: String) -> String? {
        places[country]?.min { location.distance(to: $0.location) < location.distance(to: $1.location) }?.admin1
    }
}
