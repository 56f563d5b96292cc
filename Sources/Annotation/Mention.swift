import GazetteerStore
import Resolution

/// A place name found in text.
public struct Mention: Sendable {
    /// Offsets in Unicode scalars from the start of the text; `end` is exclusive.
    public var start: Int
    public var end: Int
    /// The text of the span, as written.
    public var text: String
    /// Confidence in 0…1 that the span names the place given (or, without a place, that it names a place).
    public var score: Double
    /// The place meant, or nil when the span is recognized as a place name but could not be resolved.
    public var place: ResolvedPlace?
    /// Other places the span may mean, best first.
    package var alternatives: [ResolvedPlace]
    /// Why detection took the span for a place name; how its name matched is in `place.match`.
    package var reasons: [Reason]

    public init(start: Int, end: Int, text: String, score: Double, place: ResolvedPlace?, alternatives: [ResolvedPlace],
                reasons: [Reason] = []) {
        self.start = start
        self.end = end
        self.text = text
        self.score = score
        self.place = place
        self.alternatives = alternatives
        self.reasons = reasons
    }

    /// One piece of evidence that a span names a place.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The span is a known name as written (up to case, diacritics and script).
        case name
        /// The span is a known name with an ending; `stem` is the name it was read as ("Իտալիա" for Իտալիայի).
        case inflection(stem: String)
        /// The span is an abbreviation of the place named `expansion` ("США" → "United States").
        case abbreviation(expansion: String)
        /// A generic word beside the span marks it as a place ("Xyzabad district").
        case genericWord(String)
        /// A nationality adjective standing for its country (with `AnnotateOptions.demonyms`).
        case demonym
        /// The span is also an ordinary word, a person's name or a weak match: the document's other places
        /// vouched for it.
        case supportedByContext

        public var description: String {
            switch self {
            case .name: return "name"
            case .inflection(let stem): return "inflection of \(stem)"
            case .abbreviation(let expansion): return "abbreviation of \(expansion)"
            case .genericWord(let word): return "generic word \(word)"
            case .demonym: return "demonym"
            case .supportedByContext: return "supported by context"
            }
        }
    }
}

/// How to annotate.
public struct AnnotateOptions: Sendable, Hashable {
    /// Mentions scoring below this are left out.
    public var minimumScore: Double
    /// How many alternative places to report per mention.
    package var alternatives: Int
    /// Also mark adjectives of nationality ("American", "Russian") as mentions of their country, as some
    /// corpora (LGL) do; off by default, following this project's annotation conventions.
    public var demonyms: Bool
    /// Prefer places in these countries (ISO 3166-1 alpha-2), like `resolve --country`.
    public var countries: [String]
    /// Prefer places near this point, like `resolve --near`: where a local paper's readers live.
    package var near: Coordinate?

    public init(minimumScore: Double = 0.3, alternatives: Int = 3, demonyms: Bool = false, countries: [String] = [],
                near: Coordinate? = nil) {
        self.minimumScore = minimumScore
        self.alternatives = alternatives
        self.demonyms = demonyms
        self.countries = countries
        self.near = near
    }
}
