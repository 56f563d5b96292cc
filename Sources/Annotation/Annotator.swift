import Foundation
import GazetteerStore
import Normalization
import Resolution
import SystemICU
import Tokenization

/// Finds the place names in running text and resolves them with the document's context.
///
/// ```swift
/// let annotator = try Annotator(database: try DefaultDatabase.open())
/// for mention in try annotator.annotate("Azerbaijan fired at Goris, Sotk and Jermuk (Gorus, Zod and Istisu).") {
///     print(mention.text, mention.place?.place.name ?? "?")   // … Istisu Jermuk
/// }
/// ```
/// Safe to share between tasks.
public final class Annotator: Sendable {
    public let resolver: Resolver
    public let rules: AnnotationRules
    /// The places each span text may mean, without context: a corpus repeats its names.
    private let lookups = StringMemo<[Resolver.Candidate]>(capacity: 1 << 18)
    private let wordFacts = WordFactsTable(capacity: 1 << 18)
    let wordRoles: WordRoles

    public init(resolver: Resolver, rules: AnnotationRules) {
        self.resolver = resolver
        self.rules = rules
        wordRoles = WordRoles(rules)
    }

    /// An annotator over `database` with the default rules.
    public convenience init(database: GazetteerDatabase) throws {
        let resolver = try Resolver(database: database)
        self.init(resolver: resolver, rules: try AnnotationRules(database: database, normalizer: resolver.normalizer,
                                                                  dataDirectory: DataDirectory.resolve()))
    }

    /// The place mentions of `text`, in order.
    public func annotate(_ text: String, options: AnnotateOptions = AnnotateOptions()) throws -> [Mention] {
        var mentions: [Mention] = []
        try annotate(text, options: options) { mentions.append($0) }
        return mentions
    }

    /// Calls `body` with each place mention of `text`, in order, building each only when its turn comes:
    /// a long document's mentions need not all be held at once.
    public func annotate(_ text: String, options: AnnotateOptions = AnnotateOptions(),
                         each body: (Mention) throws -> Void) throws {
        var context = DocumentContext()
        try annotate(window: text, options: options, context: &context, each: body)
    }

    /// What the earlier windows of a document tell later ones.
    struct DocumentContext {
        var mentions = ContextRanker.Carried()
        var people: Set<String> = []
        /// Unicode scalars before the window.
        var scalarOffset = 0
    }

    /// Annotates one window of a document, with the context of the windows before it; offsets count from
    /// the document's start.
    func annotate(window text: String, options: AnnotateOptions, context: inout DocumentContext,
                  each body: (Mention) throws -> Void) throws {
        let units = UTF16Text.units(text)
        guard units.count < Int(Int32.max) else { throw AnnotationError.documentTooLarge(units: units.count) }
        let base = context.scalarOffset
        try resolver.pool.withConnection { connection in
            try units.withUnsafeBufferPointer { buffer in
                let detector = MentionDetector(
                    units: buffer, tokenizer: Tokenizer(), rules: rules, normalizer: resolver.normalizer, options: options,
                    lookup: { span in
                        self.lookups.value(for: span) {
                            self.resolver.candidates(for: span, options: ResolveOptions(fuzzy: false), connection: connection)
                                .filter { $0.score >= 0.3 }
                        }
                    },
                    wordFacts: { word in
                        self.wordFacts.facts(of: word) { units in
                            self.wordRoles.facts(of: units, keys: self.resolver.normalizer.keys(for: UTF16Text.string(units))) {
                                connection.lexiconContains($1, category: $0.rawValue)
                            }
                        }
                    },
                    earlierPeople: context.people)
                let found = detector.detect()
                context.people = detector.people
                let ranking = ContextRanker.rank(found, carried: &context.mentions, countries: options.countries,
                                                 near: options.near, divisionWords: rules.divisionWords)
                // Mentions of one text share their places: look them up once.
                var resolved: [Int: (place: ResolvedPlace?, alternatives: [ResolvedPlace])] = [:]
                func places(_ index: Int) -> (place: ResolvedPlace?, alternatives: [ResolvedPlace]) {
                    if let known = resolved[index] { return known }
                    let ranked = ranking.choices[index].ranked
                    var seen: Set<Int64> = [ranked[0].candidate.entry.pid]
                    let alternatives = ranked.dropFirst()
                        .filter { $0.score >= max(options.minimumScore, 0.3) && seen.insert($0.candidate.entry.pid).inserted }
                        .prefix(options.alternatives)
                        .compactMap { resolver.resolvedPlace($0.candidate, score: $0.score, connection: connection) }
                    let place = resolver.resolvedPlace(ranked[0].candidate, score: ranked[0].score, connection: connection)
                    resolved[index] = (place, alternatives)
                    return (place, alternatives)
                }
                var offsets = ScalarOffsets(units: buffer)
                for (mention, choiceIndex) in zip(found, ranking.choiceOfMention) {
                    let choice = ranking.choices[choiceIndex]
                    let start = base + offsets.scalarOffset(of: mention.range.lowerBound)
                    let end = base + offsets.scalarOffset(of: mention.range.upperBound)
                    if mention.unresolved {
                        try body(Mention(start: start, end: end, text: mention.text, score: 0.5, place: nil, alternatives: [],
                                         reasons: mention.reasons))
                        continue
                    }
                    guard choice.supported, let best = choice.ranked.first, best.score >= options.minimumScore else { continue }
                    let (place, alternatives) = places(choiceIndex)
                    let reasons = mention.needsContext ? mention.reasons + [.supportedByContext] : mention.reasons
                    try body(Mention(start: start, end: end, text: mention.text, score: (best.score * 1000).rounded() / 1000,
                                     place: place, alternatives: alternatives, reasons: reasons))
                }
                context.scalarOffset = base + offsets.scalarOffset(of: buffer.count)
            }
        }
    }
}

/// Why a text could not be annotated.
package enum AnnotationError: Error, CustomStringConvertible {
    /// Offsets are 32-bit: one document may hold up to 2³¹ − 1 UTF-16 code units (about 2 GB of text).
    case documentTooLarge(units: Int)

    public var description: String {
        switch self {
        case .documentTooLarge(let units):
            return "the document is too large to annotate as one (\(units) UTF-16 code units; the limit is \(Int32.max)); "
                + "split it, e.g. one article per line with --lines"
        }
    }
}
