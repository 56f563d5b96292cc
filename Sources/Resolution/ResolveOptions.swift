import Foundation
import GazetteerStore

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
    package var near: Coordinate?
    /// Only places of these features.
    package var features: [FeatureFilter]
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
