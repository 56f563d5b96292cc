/// A place name found in text.
public struct Mention: Codable, Hashable, Sendable {
    /// Where the span starts, in Unicode scalars from the start of the text (use ``range(in:)`` for a
    /// `String` range).
    public var start: Int
    /// Where the span ends, exclusive, in Unicode scalars.
    public var end: Int
    /// The span as written.
    public var text: String
    /// Confidence in 0…1 that the span names ``resolvedPlace`` (or, without one, that it names a place).
    public var score: Double
    /// The place meant, with its match; nil when the span names a place the gazetteer lacks.
    public var resolvedPlace: ResolvedPlace?
    /// Other places the span may mean, best first.
    public var alternatives: [ResolvedPlace]
    /// Why the span was taken for a place name, strongest first.
    public var reasons: [Reason]

    public init(start: Int, end: Int, text: String, score: Double, resolvedPlace: ResolvedPlace?,
                alternatives: [ResolvedPlace] = [], reasons: [Reason] = []) {
        self.start = start
        self.end = end
        self.text = text
        self.score = score
        self.resolvedPlace = resolvedPlace
        self.alternatives = alternatives
        self.reasons = reasons
    }

    /// The place meant, or nil when the span could not be resolved.
    public var place: Place? { resolvedPlace?.place }

    /// The span's range in `text`, the string that was annotated; nil when the offsets fall outside it.
    public func range(in text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        guard start >= 0, start <= end,
              let lower = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: end - start, limitedBy: scalars.endIndex) else { return nil }
        return lower..<upper
    }

    /// The span's offsets in the UTF-8 bytes of `text`, for tools that count bytes; nil when the offsets
    /// fall outside it.
    public func utf8Offsets(in text: String) -> Range<Int>? {
        guard let range = range(in: text) else { return nil }
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return lower..<(lower + text.utf8.distance(from: range.lowerBound, to: range.upperBound))
    }

    /// One piece of evidence that a span names a place.
    public enum Reason: Codable, Hashable, Sendable {
        /// The span is a known name as written, up to case, diacritics and script.
        case name
        /// The span is a known name with an ending; `stem` is the name it was read as ("Իտալիա" for Իտալիայի).
        case inflection(stem: String)
        /// The span abbreviates the place named `expansion` ("США" → "United States").
        case abbreviation(expansion: String)
        /// A generic word beside the span marks it as a place ("Xyzabad district").
        case genericWord(String)
        /// A nationality adjective standing for its country (with ``AnnotationOptions/demonyms``).
        case demonym
        /// The span is also an ordinary word, a person's name or a weak match: the text's other places
        /// vouched for it.
        case supportedByContext
    }
}

/// A text and the place names in it.
public struct AnnotatedDocument: Codable, Hashable, Sendable {
    /// The text as given.
    public var text: String
    /// Its place mentions, in order.
    public var mentions: [Mention]
    /// Its countries, divisions and places by number of mentions.
    public var summary: DocumentSummary

    public init(text: String, mentions: [Mention], summary: DocumentSummary) {
        self.text = text
        self.mentions = mentions
        self.summary = summary
    }

    /// The mention's span in ``text``, nil when the mention does not belong to it.
    public subscript(mention: Mention) -> Substring? {
        mention.range(in: text).map { text[$0] }
    }
}

/// What a text is about, place-wise: its countries, first-level divisions and places, each with how many
/// mentions name it or something inside it, most mentioned first. The first country is the text's focus:
/// a mention of Goris counts for Goris, for Syunik and for Armenia.
public struct DocumentSummary: Codable, Hashable, Sendable {
    /// A country, division or place and its number of mentions.
    public struct Entry: Codable, Hashable, Sendable {
        /// The place's id, when the gazetteer has the country, division or place as a place.
        public var placeID: String?
        public var name: String
        /// ISO 3166-1 alpha-2 code of its country.
        public var countryCode: String
        /// GeoNames code of the first-level division, for divisions and places; nil for countries.
        public var admin1Code: String?
        /// Mentions of it or of places inside it.
        public var mentions: Int

        public init(placeID: String?, name: String, countryCode: String, admin1Code: String? = nil, mentions: Int) {
            self.placeID = placeID
            self.name = name
            self.countryCode = countryCode
            self.admin1Code = admin1Code
            self.mentions = mentions
        }
    }

    public var countries: [Entry]
    public var divisions: [Entry]
    public var places: [Entry]

    public init(countries: [Entry] = [], divisions: [Entry] = [], places: [Entry] = []) {
        self.countries = countries
        self.divisions = divisions
        self.places = places
    }
}

/// How to annotate.
public struct AnnotationOptions: Codable, Hashable, Sendable {
    /// Mentions scoring below this (0…1) are left out.
    public var minimumScore: Double
    /// How many alternative places to give per mention.
    public var alternatives: Int
    /// Also take adjectives of nationality ("American", "Russian") for mentions of their country, as some
    /// corpora do; off by default.
    public var demonyms: Bool
    /// Prefer places in these countries (ISO 3166-1 alpha-2, either case).
    public var countryCodes: [String]
    /// Prefer places near this point: where a local paper's readers live.
    public var near: Coordinate?

    public init(minimumScore: Double = 0.3, alternatives: Int = 3, demonyms: Bool = false, countryCodes: [String] = [],
                near: Coordinate? = nil) {
        self.minimumScore = minimumScore
        self.alternatives = alternatives
        self.demonyms = demonyms
        self.countryCodes = countryCodes
        self.near = near
    }
}
