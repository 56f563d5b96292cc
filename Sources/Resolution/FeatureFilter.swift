import GazetteerStore

/// A GeoNames feature class, optionally with a code: `P`, `A.ADM1`, `H.LK`.
public struct FeatureFilter: Hashable, Sendable, CustomStringConvertible {
    package var featureClass: String
    public var code: String?

    /// GeoNames' nine feature classes and what each holds (https://www.geonames.org/export/codes.html).
    package static let classes: KeyValuePairs<String, String> = [
        "A": "country, state, region", "H": "stream, lake", "L": "parks, area", "P": "city, village",
        "R": "road, railroad", "S": "spot, building, farm", "T": "mountain, hill, rock", "U": "undersea",
        "V": "forest, heath",
    ]

    /// Parses `CLASS` or `CLASS.CODE`, in either case; nil when malformed or the class is none of
    /// ``classes`` (a filter that can match nothing is a mistake to report, not an empty answer).
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, Self.classes.contains(where: { $0.key == first }) else { return nil }
        featureClass = first
        code = parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil
    }

    /// Whether a place of this class and code matches.
    public func matches(featureClass: String, code: String) -> Bool {
        featureClass == self.featureClass && (self.code == nil || self.code == code)
    }

    func matches(_ entry: KeyEntry) -> Bool {
        matches(featureClass: entry.featureClassString, code: entry.featureCodeString)
    }

    public var description: String { code.map { "\(featureClass).\($0)" } ?? featureClass }
}

extension FeatureFilter {
    /// Parses a comma-separated list (`P,A.ADM1`); nil when any item is malformed.
    public static func list(_ text: String) -> [FeatureFilter]? {
        let filters = text.split(separator: ",").map { FeatureFilter(String($0).trimmingCharacters(in: .whitespaces)) }
        return filters.contains(where: { $0 == nil }) ? nil : filters.compactMap { $0 }
    }
}

extension Array where Element == FeatureFilter {
    /// Whether a place passes: an empty list admits every place, else one filter must match.
    package func admits(_ place: Place) -> Bool {
        isEmpty || contains { $0.matches(featureClass: place.featureClass, code: place.featureCode) }
    }
}
