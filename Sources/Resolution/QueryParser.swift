import Normalization
import SystemICU

/// Reads a query the way people write place names: with generic words ("Kalbajar district", "город Горис",
/// "Lake Sevan"), qualifiers ("Goris, Armenia", "Springfield, IL", "Goris (Armenia)") and parenthetical
/// glosses ("Sev (Black) Lake").
struct QueryParser: Sendable {
    let normalizer: NameNormalizer
    let rules: ResolverRules
    /// Adjective and genitive endings to try removing once a generic word is gone.
    let endings: [String]

    /// One way of reading the name part of a query.
    struct Variant: Sendable, Hashable {
        var searchKey: String
        var matchKey: String
        /// The feature a removed generic word names, if one was removed.
        var feature: FeatureFilter?
        /// Whether this is another convention's reading of the query's letters (ISO c = ts), which the resolver
        /// trusts less than what was typed.
        var isReading = false
    }

    struct Parsed: Sendable {
        var display: String
        var variants: [Variant]
        /// Text after the last comma, or in parentheses: a country or division that narrows the name.
        var qualifier: String?
        /// The search-key words of the name part.
        var words: [String]
        /// The query as displayed, for its script.
        private var scalars: String.UnicodeScalarView

        init(display: String, variants: [Variant], qualifier: String?, words: [String]) {
            self.display = display
            self.variants = variants
            self.qualifier = qualifier
            self.words = words
            scalars = display.unicodeScalars
        }

        /// ICU's code for the script the query is written in (only fuzzy matching asks).
        var script: UInt8 { UInt8(clamping: Script.dominant(in: scalars).code) }
    }

    func parse(_ query: String) -> Parsed {
        let keys = normalizer.keys(for: query)
        let display = keys.display
        var head = display
        var qualifier: String?
        var parenthetical: String?
        // Parenthetical glosses go; they may name the country ("Goris (Armenia)"). Most queries have
        // neither parentheses nor commas: their bytes say so faster than a search by characters.
        let hasParenthesis = display.utf8.contains(UInt8(ascii: "("))
        while hasParenthesis, let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") {
            let inner = head[head.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !inner.isEmpty { parenthetical = inner }
            head = (head[..<open] + " " + head[head.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        var variants: [Variant] = []
        if display.utf8.contains(UInt8(ascii: ",")), let comma = head.lastIndex(of: ",") {
            let after = head[head.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            let before = head[..<comma].trimmingCharacters(in: .whitespaces)
            if !after.isEmpty, !before.isEmpty {
                // The whole text may itself be a name ("Bonaire, Sint Eustatius and Saba"): try it too.
                variants.append(variant(normalizer.searchKey(head), feature: nil))
                head = before
                qualifier = after
            }
        }
        qualifier = qualifier ?? parenthetical
        // The name as a whole already has its match key among its keys: most spans of text are whole.
        let whole = head == display ? Variant(searchKey: keys.searchKey, matchKey: keys.matchKey, feature: nil)
            : variant(normalizer.searchKey(head), feature: nil)
        let searchKey = whole.searchKey
        variants.insert(whole, at: 0)
        // Split once: the generic words and the caller both want the words.
        let words = searchKey.utf8.contains(0x20) ? Self.words(of: searchKey) : [searchKey]
        variants += genericVariants(of: words)
        for ending in rules.scriptEndings[keys.script] ?? [] where searchKey.count > ending.count + 3
            && searchKey.hasSuffix(ending) {
            variants.append(variant(String(searchKey.dropLast(ending.count)), feature: nil))
        }
        // A Latin query may be in ISO 9 or GOST 7.79 (Cahkadzor, Nojakert), the Latin Armenians type
        // (Vayoc Dzor, Karmraqar), ISO 9985 or ISO 9984 (Całkajor, Owlowpap): read it those ways too.
        for reading in rules.readings where keys.script == "Latn" {
            switch reading.input {
            case .searchKey:
                guard reading.isCalledFor(by: searchKey) else { continue }
                appendReading(reading.read(searchKey), to: &variants)
            case .query:
                guard reading.isCalledFor(by: head) else { continue }
                appendReading(normalizer.searchKey(reading.read(head.lowercased())), to: &variants)
            }
        }
        // A query has a handful of variants at most: comparing each with those kept costs less than hashing
        // every one into a set (callgrind: 2.8 k instructions a query).
        var distinct: [Variant] = []
        distinct.reserveCapacity(variants.count)
        for variant in variants where !variant.searchKey.isEmpty && !distinct.contains(variant) { distinct.append(variant) }
        variants = distinct
        return Parsed(display: display, variants: variants, qualifier: qualifier, words: words)
    }

    /// The words of a search key, split at spaces as `Character`s. An ASCII key (nearly every one) is split by
    /// bytes, for a fraction of the cost of breaking it into graphemes: in ASCII each byte is a `Character` but
    /// CR LF, which holds no space.
    static func words(of searchKey: String) -> [String] {
        guard searchKey.utf8.allSatisfy({ $0 < 0x80 }) else { return searchKey.split(separator: " ").map(String.init) }
        return searchKey.utf8.split(separator: 0x20).map { String(Substring($0)) }
    }

    /// Adds a reading of the query unless a variant already has its search key.
    private func appendReading(_ searchKey: String, to variants: inout [Variant]) {
        guard !variants.contains(where: { $0.searchKey == searchKey }) else { return }
        var reading = variant(searchKey, feature: nil)
        reading.isReading = true
        variants.append(reading)
    }

    private func variant(_ searchKey: String, feature: FeatureFilter?) -> Variant {
        Variant(searchKey: searchKey, matchKey: normalizer.matchKey(forSearchKey: searchKey), feature: feature)
    }

    /// The name (its search key's `words`) without each generic word it starts or ends with, and without an
    /// adjective ending after that.
    private func genericVariants(of words: [String]) -> [Variant] {
        guard words.count > 1, let first = words.first, let last = words.last,
              rules.genericEdgeWords.contains(first) || rules.genericEdgeWords.contains(last) else { return [] }
        var result: [Variant] = []
        for generic in rules.genericWords where generic.words.count < words.count {
            var rest: [String]?
            if generic.position != .before, Array(words.suffix(generic.words.count)) == generic.words {
                rest = Array(words.dropLast(generic.words.count))
            } else if generic.position != .after, Array(words.prefix(generic.words.count)) == generic.words {
                rest = Array(words.dropFirst(generic.words.count))
            }
            guard let rest, let last = rest.last else { continue }
            result.append(variant(rest.joined(separator: " "), feature: generic.feature))
            for ending in endings where last.count > ending.count + 2 && last.hasSuffix(ending) {
                let stem = Array(rest.dropLast()) + [String(last.dropLast(ending.count))]
                result.append(variant(stem.joined(separator: " "), feature: generic.feature))
            }
        }
        return result
    }
}
