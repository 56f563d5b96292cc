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

    public init(resolver: Resolver, rules: AnnotationRules) {
        self.resolver = resolver
        self.rules = rules
    }

    /// An annotator over `database` with the default rules.
    public convenience init(database: GazetteerDatabase) throws {
        let resolver = try Resolver(database: database)
        self.init(resolver: resolver, rules: try AnnotationRules(database: database, normalizer: resolver.normalizer,
                                                                  dataDirectory: DataDirectory.resolve()))
    }

    /// The place mentions of `text`, in order.
    public func annotate(_ text: String, options: AnnotateOptions = AnnotateOptions()) throws -> [Mention] {
        let units = Array(text.utf16)
        return try resolver.pool.withConnection { connection in
            units.withUnsafeBufferPointer { buffer in
                let tokens = Tokenizer().tokens(of: buffer)
                let detector = MentionDetector(
                    units: buffer, tokens: tokens, rules: rules, normalizer: resolver.normalizer, options: options,
                    lookup: { span in
                        self.lookups.value(for: span) {
                            self.resolver.candidates(for: span, options: ResolveOptions(fuzzy: false), connection: connection)
                                .filter { $0.score >= 0.3 }
                        }
                    })
                let found = detector.detect()
                let choices = ContextRanker.rank(found, countries: options.countries)
                var offsets = ScalarOffsets(units: buffer)
                var mentions: [Mention] = []
                for (mention, choice) in zip(found, choices) {
                    let start = offsets.scalarOffset(of: mention.range.lowerBound)
                    let end = offsets.scalarOffset(of: mention.range.upperBound)
                    let text = mention.text
                    if mention.unresolved {
                        mentions.append(Mention(start: start, end: end, text: text, score: 0.5, place: nil, alternatives: []))
                        continue
                    }
                    guard let best = choice.ranked.first, best.score >= options.minimumScore else { continue }
                    var seen: Set<Int64> = [best.candidate.entry.pid]
                    let alternatives = choice.ranked.dropFirst()
                        .filter { $0.score >= max(options.minimumScore, 0.3) && seen.insert($0.candidate.entry.pid).inserted }
                        .prefix(options.alternatives)
                        .compactMap { resolver.resolvedPlace($0.candidate, score: $0.score, connection: connection) }
                    let place = resolver.resolvedPlace(best.candidate, score: best.score, connection: connection)
                    mentions.append(Mention(start: start, end: end, text: text, score: (best.score * 1000).rounded() / 1000,
                                            place: place, alternatives: alternatives))
                }
                return mentions
            }
        }
    }
}
