import GazetteerInternals
@testable import Resolution

/// Targets that take text: name keys, the tokenizer, mention detection, query reading and resolution.
/// Inputs are decoded as UTF-8 the way the command line decodes its input (invalid bytes become U+FFFD).
enum TextHarnesses {
    static let all = [keys, tokenizer, annotate, query, resolve]

    /// Language hints the rules distinguish; an input's length picks one, so seeds need no extra byte.
    static let languages: [String?] = [nil, "az", "ru", "hy", "ka", "tr", "en", "hy-Latn", "az-Cyrl", "xx"]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// NameNormalizer: display form, search key and match key, each a fixpoint as `KeyPropertyTests` states.
    static let keys = Harness("keys", prepare: { _ = Fixtures.normalizer }) { bytes in
        let normalizer = Fixtures.normalizer
        let name = text(bytes)
        for language in [nil, languages[bytes.count % languages.count]] {
            let keys = normalizer.keys(for: name, language: language)
            require(normalizer.keys(for: keys.display).display == keys.display, "display is not a fixpoint")
            require(normalizer.searchKey(keys.searchKey) == keys.searchKey, "search key is not a fixpoint")
            require(normalizer.matchKey(keys.matchKey) == keys.matchKey, "match key is not a fixpoint")
            require(normalizer.matchKey(forSearchKey: keys.searchKey) == keys.matchKey,
                    "match key of the search key differs from the match key")
        }
    }

    /// Tokenizer: tokens cover the text in order, seams fall inside their token, scalar offsets count right.
    static let tokenizer = Harness("tokenizer") { bytes in
        let string = text(bytes)
        let units = Array(string.utf16)
        units.withUnsafeBufferPointer { buffer in
            var end = 0
            for token in Tokenizer().tokens(of: buffer) {
                require(token.range.lowerBound == end && !token.range.isEmpty, "tokens do not tile the text")
                end = token.range.upperBound
                if token.hasSeams {
                    var previous = token.range.lowerBound
                    for seam in Tokenizer.seams(of: token, in: buffer) {
                        require(seam > previous && seam < token.range.upperBound, "seam outside its token")
                        previous = seam
                    }
                }
            }
            require(end == units.count, "tokens stop before the end of the text")
            var offsets = ScalarOffsets(units: buffer)
            require(offsets.scalarOffset(of: units.count) == string.unicodeScalars.count, "scalar offset of the end")
        }
    }

    /// Annotator on the fixture gazetteer: mentions in order, inside the text, each span's text as written.
    static let annotate = Harness("annotate", prepare: { _ = Fixtures.annotator }) { bytes in
        let string = text(bytes)
        let scalars = Array(string.unicodeScalars)
        let options = AnnotateOptions(demonyms: bytes.count % 2 == 1)
        guard let mentions = try? Fixtures.annotator.annotate(string, options: options) else { return }
        var previousEnd = 0
        for mention in mentions {
            require(mention.start >= previousEnd && mention.start < mention.end && mention.end <= scalars.count,
                    "mention \(mention.start)..<\(mention.end) out of order or outside \(scalars.count) scalars")
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[mention.start..<mention.end])
            require(String(written) == mention.text, "mention text '\(mention.text)' is not its span")
            previousEnd = mention.end
        }
    }

    /// QueryParser alone: generic words, qualifiers, parentheses and endings of any text.
    static let query = Harness("query", prepare: { _ = parser }) { bytes in
        let parsed = parser.parse(text(bytes))
        require(parsed.variants.allSatisfy { !$0.searchKey.isEmpty }, "a reading with an empty key")
        _ = parsed.script
    }

    static let parser: QueryParser = Fixtures.orDie {
        let rules = try ResolverRules(normalizer: Fixtures.normalizer)
        return QueryParser(normalizer: Fixtures.normalizer, rules: rules, endings: rules.adjectiveEndings)
    }

    /// Resolver end to end on the fixture gazetteer: at most `limit` results, best first, none below the minimum.
    static let resolve = Harness("resolve", prepare: { _ = Fixtures.annotator }) { bytes in
        let options = ResolveOptions(limit: 1 + bytes.count % 5, fuzzy: bytes.count % 3 != 0)
        guard let resolution = try? Fixtures.annotator.resolver.resolve(text(bytes), options: options) else { return }
        let scores = resolution.results.map(\.score)
        require(scores.count <= options.limit, "\(scores.count) results for a limit of \(options.limit)")
        require(scores.allSatisfy { $0 >= options.minimumScore }, "a result below the minimum score")
        require(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "results not best first: \(scores)")
    }
}
