import GazetteerStore

/// A GeoNames feature class, optionally with a code: `P`, `A.ADM1`, `H.LK`.
public struct FeatureFilter: Hashable, Sendable, CustomStringConvertible {
    public var featureClass: String
    public var code: String?

    /// Parses `CLASS` or `CLASS.CODE`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, first.count == 1, first.allSatisfy(\.isUppercase) else { return nil }
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
    public func admits(_ place: Place) -> Bool {
        isEmpty || contains { $0.matches(featureClass: place.featureClass, code: place.featureCode) }
    }
}
