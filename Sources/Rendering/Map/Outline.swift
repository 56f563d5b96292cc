import GazetteerStore
import Resolution

/// A longitude–latitude box, west ≤ east (no box crosses the antimeridian).
public struct GeoBox: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The smallest box holding every point; nil for none.
    public init?(around points: some Sequence<Coordinate>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(west: first.longitude, south: first.latitude, east: first.longitude, north: first.latitude)
        while let point = iterator.next() {
            west = min(west, point.longitude)
            east = max(east, point.longitude)
            south = min(south, point.latitude)
            north = max(north, point.latitude)
        }
    }

    /// Degrees of longitude and of latitude across the box.
    package var width: Double { east - west }
    package var height: Double { north - south }

    /// Whether the two boxes share any point, edges included.
    package func intersects(_ other: GeoBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }
}

/// One country, or one part of a country that its source draws apart, as closed rings of points.
///
/// Kept as the file's compact integers and turned into points only when drawn: a page draws the few outlines
/// that meet its view.
public struct Outline: Sendable {
    /// ISO 3166-1 alpha-2 code, or empty for a territory without one.
    public var code: String
    /// The English name the source gives.
    public var name: String
    package var bounds: GeoBox
    /// The rings as stored: absolute first point, then differences, in units of `1 / unitsPerDegree` degree.
    var encodedRings: [[Int32]]
    var unitsPerDegree: Double

    /// Closed rings (the last point joins the first); holes and islands alike, drawn with the even-odd rule.
    package var rings: [[Coordinate]] {
        encodedRings.map { numbers in
            var ring: [Coordinate] = []
            ring.reserveCapacity(numbers.count / 2)
            var (x, y) = (Int64(0), Int64(0))
            var index = 0
            while index + 1 < numbers.count {
                x += Int64(numbers[index])
                y += Int64(numbers[index + 1])
                ring.append(Coordinate(latitude: Double(y) / unitsPerDegree, longitude: Double(x) / unitsPerDegree))
                index += 2
            }
            return ring
        }
    }
}
