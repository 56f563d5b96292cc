/// A place that a name may mean, how sure the gazetteer is, and why.
public struct ResolvedPlace: Codable, Hashable, Sendable {
    public var place: Place
    /// Confidence in 0…1, comparable between the results of one query.
    public var score: Double
    /// Which of the place's names matched the query, and how.
    public var match: NameMatch

    public init(place: Place, score: Double, match: NameMatch) {
        self.place = place
        self.score = score
        self.match = match
    }
}

/// The reason for a result: the place's name that matched and how the query reached it.
public struct NameMatch: Codable, Hashable, Sendable {
    /// How the query reached the name.
    public enum Method: Codable, Hashable, Sendable {
        /// The query is the place's main name, up to case, diacritics and script.
        case exact
        /// The query is another name of the place: alternate, historical, other-language.
        case alias
        /// The query spells one of its names in another romanization convention ("Cermuk" for Jermuk).
        case transliteration
        /// The query is `edits` typing mistakes away from one of its names.
        case fuzzy(edits: Int)
    }

    /// The place's name that matched, as stored ("Cermuk").
    public var name: String
    /// What kind of name that is: official, historical, abbreviation …
    public var nameKind: NameKind
    /// The name's language (BCP 47), or `und-` and its script when unknown.
    public var language: String
    public var method: Method
    /// Where the name comes from: `geonames`, `cldr`, `wof`, `curated` …
    public var source: String

    public init(name: String, nameKind: NameKind, language: String, method: Method, source: String) {
        self.name = name
        self.nameKind = nameKind
        self.language = language
        self.method = method
        self.source = source
    }
}

/// What kind of name a name is, from most to least authoritative.
public enum NameKind: String, Codable, CaseIterable, Hashable, Sendable {
    /// The current official name in its language.
    case official
    /// The name a source prefers for a language.
    case preferred
    /// Any other name in use: other-language names, transliterations, the other side's name.
    case alternate
    /// A short form: "Armenia" for "Republic of Armenia".
    case short
    /// A former name: Leninakan, Kirovakan, Elisabethpol.
    case historical
    /// An informal name.
    case colloquial
    /// An abbreviation or code: NKAO, AM.
    case abbreviation
}

/// How many places to return and what to prefer among namesakes.
public struct ResolveOptions: Codable, Hashable, Sendable {
    /// How many places at most, 1 or more.
    public var limit: Int
    /// Scores are in 0…1; below this nothing is returned. At the default 0.5, a word that is not a place
    /// name comes back empty rather than as a random village.
    public var minimumScore: Double
    /// Prefer places in these countries (ISO 3166-1 alpha-2, either case).
    public var countryCodes: [String]
    /// Prefer places near this point.
    public var near: Coordinate?
    /// Only places of these GeoNames features, `CLASS` or `CLASS.CODE` (`P`, `A.ADM1`); empty for all.
    public var features: [String]
    /// Try names a few typing mistakes away when nothing else matches.
    public var allowsTypos: Bool

    public init(limit: Int = 5, minimumScore: Double = 0.5, countryCodes: [String] = [], near: Coordinate? = nil,
                features: [String] = [], allowsTypos: Bool = true) {
        self.limit = limit
        self.minimumScore = minimumScore
        self.countryCodes = countryCodes
        self.near = near
        self.features = features
        self.allowsTypos = allowsTypos
    }
}
