import Resolution

extension MentionDetector {
    /// "American", "Russian": the country, when demonyms count as mentions.
    func demonymMention(at index: Int) -> Found? {
        guard let country = facts(index).demonymCountry else { return nil }
        let candidates = countryCandidates(country)
        guard !candidates.isEmpty else { return nil }
        return Found(range: words[index].range, candidates: candidates, demonym: true, reasons: [.demonym])
    }

    /// "Armenian SSR", "Армянской ССР", "Հայկական ԽՍՀ": a Soviet republic, named by its nation's adjective, is
    /// its country.
    func sovietRepublic(at index: Int) -> (Found, Int)? {
        guard let country = facts(index).demonymCountry, index + 1 < words.count, joins(words[index + 1]),
              Self.sovietRepublicWords.contains(keys(index + 1).searchKey) else { return nil }
        let candidates = countryCandidates(country)
        guard !candidates.isEmpty else { return nil }
        return (Found(range: words[index].range.lowerBound..<words[index + 1].range.upperBound, candidates: candidates), index + 1)
    }

    /// SSR in Latin, Cyrillic (ССР) and Armenian (ԽՍՀ) letters, as search keys.
    static let sovietRepublicWords: Set<String> = ["ssr", "khsh"]

    /// The country with ISO code `code`, as the gazetteer has it.
    func countryCandidates(_ code: String) -> [Resolver.Candidate] {
        lookup(code).filter { Resolver.importance(of: $0.entry) >= 1.0 && $0.entry.countryCode == code }
    }
}
