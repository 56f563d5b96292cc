import Foundation
import GRDB

/// A place near a point, and how far it is.
public struct NearbyPlace: Sendable, Hashable, Codable {
    public var place: Place
    /// Great-circle distance from the point, in kilometres.
    package var distance: Double

    public init(place: Place, distance: Double) {
        self.place = place
        self.distance = distance
    }
}

extension GazetteerDatabase {
    /// The places nearest to a point, nearest first: reverse geocoding through the store's grid of cells
    /// (``SpatialGrid``).
    ///
    /// ```swift
    /// let nearest = try gazetteer.places(nearLatitude: 39.84, longitude: 45.67, limit: 1)
    /// nearest.first?.place.name  // "Jermuk"
    /// ```
    ///
    /// - Parameters:
    ///   - limit: how many places at most.
    ///   - include: which places count (a feature filter); the rest are skipped.
    /// - Complexity: one range of cells per row of the grid that the search box spans; the box starts at about
    ///   25 km and grows until it holds `limit` places within the circle it encloses, so a dense region costs
    ///   one box and the open sea a few more.
    public func places(nearLatitude latitude: Double, longitude: Double, limit: Int,
                       where include: (Place) -> Bool = { _ in true }) throws -> [NearbyPlace] {
        guard limit > 0 else { return [] }
        let point = Coordinate(latitude: latitude, longitude: longitude)
        return try queue.read { db in
            var radius = 25.0
            while true {
                let box = Self.box(latitude: latitude, longitude: longitude, radius: radius)
                let statement = try db.cachedStatement(sql: """
                    SELECT \(Self.placeColumns) FROM place_cell
                    JOIN place ON place.pid = place_cell.pid \(Self.placeJoins)
                    WHERE place_cell.cell BETWEEN ? AND ?
                      AND \(StoredCoordinate.degrees("place.latitude")) BETWEEN ? AND ?
                      AND \(StoredCoordinate.degrees("place.longitude")) BETWEEN ? AND ?
                    """)
                var found: [NearbyPlace] = []
                for cells in SpatialGrid.cellRanges(south: box.south, north: box.north, west: box.west, east: box.east) {
                    let rows = try Row.fetchCursor(statement, arguments: [cells.lowerBound, cells.upperBound, box.south,
                                                                          box.north, box.west, box.east])
                    while let row = try rows.next() {
                        let place = Self.place(from: row)
                        guard include(place) else { continue }
                        let distance = point.distance(to: Coordinate(latitude: place.latitude, longitude: place.longitude))
                        found.append(NearbyPlace(place: place, distance: distance))
                    }
                }
                // Only places inside the circle the box encloses are surely the nearest: one just outside
                // the circle may lose to one in a corner of a wider box.
                let sure = found.filter { $0.distance <= radius }
                if sure.count >= limit || radius >= 20_100 {
                    return Array((radius >= 20_100 ? found : sure).sorted {
                        $0.distance != $1.distance ? $0.distance < $1.distance : $0.place.id < $1.place.id
                    }.prefix(limit))
                }
                radius *= 4
            }
        }
    }

    /// A latitude–longitude box around a point that holds every point within `radius` km. Near the poles
    /// and across the antimeridian it widens to every longitude rather than wrapping.
    private static func box(latitude: Double, longitude: Double, radius: Double)
        -> (south: Double, north: Double, west: Double, east: Double) {
        let degrees = radius / 111.195
        let south = max(-90, latitude - degrees)
        let north = min(90, latitude + degrees)
        let widest = max(abs(south), abs(north))
        guard widest < 89, radius < 5_000 else { return (south, north, -180, 180) }
        let span = degrees / cos(widest * .pi / 180)
        let west = longitude - span
        let east = longitude + span
        guard west >= -180, east <= 180 else { return (south, north, -180, 180) }
        return (south, north, west, east)
    }
}
