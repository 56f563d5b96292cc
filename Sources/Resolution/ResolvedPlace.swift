import GazetteerStore

/// The answer for one query: places, best first.
public struct Resolution: Sendable {
    /// The query as given.
    public var query: String
    public var results: [ResolvedPlace]
}

/// A place that a query names, with a score in 0…1 and the reason.
public struct ResolvedPlace: Sendable {
    public var place: Place
    public var score: Double
    public var match: Match
}

/// Which name of the place matched, and how.
public struct Match: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The query is the place's main name (up to case, diacritics and script).
        case exact
        /// The query is another name of the place: alternate, historical, other-language.
        case alias
        /// The query is a spelling of one of its names in another romanization convention.
        case transliteration
        /// The query is within `distance` edits of one of its names; `length` is the query key's length.
        case fuzzy(distance: Int, length: Int)

        /// `exact`, `alias`, `transliteration` or `fuzzy`.
        public var label: String {
            switch self {
            case .exact: return "exact"
            case .alias: return "alias"
            case .transliteration: return "transliteration"
            case .fuzzy: return "fuzzy"
            }
        }
    }

    /// The name as stored.
    public var name: String
    public var kind: NameKind
    /// The name's language (BCP 47), or `und-` and its script when unknown.
    public var language: String
    public var type: Kind
    /// Where the name comes from.
    public var source: String
}
