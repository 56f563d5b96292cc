import Foundation

/// What to return and how to bias the ranking.
public struct ResolveOptions: Sendable, Hashable {
    /// Scores are in 0…1; below this nothing is returned. At the default, a word that is not a place name
    /// should come back empty rather than as a random village.
    public static let defaultMinimumScore = 0.5

    /// How many places at most.
    public var limit: Int
    public var minimumScore: Double
    /// Prefer places in these countries (ISO 3166-1 alpha-2).
    public var countries: [String]
    /// Prefer places near this point.
    public var near: Coordinate?
    /// Only places of these features.
    public var features: [FeatureFilter]
    /// Try edit-distance matches for names nothing else finds.
    public var fuzzy: Bool

    public init(limit: Int = 5, minimumScore: Double = ResolveOptions.defaultMinimumScore, countries: [String] = [],
                near: Coordinate? = nil, features: [FeatureFilter] = [], fuzzy: Bool = true) {
        self.limit = limit
        self.minimumScore = minimumScore
        self.countries = countries
        self.near = near
        self.features = features
        self.fuzzy = fuzzy
    }
}

/// A point on the earth, in degrees.
public struct Coordinate: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine).
    public func distance(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371.0088 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}
