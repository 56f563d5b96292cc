extension MentionDetector {
    /// The last word of a phrase of `phrases` that starts at word `index`, its words joined by spaces or
    /// hyphens; the last word is read up to an apostrophe ("United Russia's", "Sri Lankan's").
    func phraseEnd(at index: Int, in phrases: AnnotationRules.PhraseIndex) -> Int? {
        for rest in phrases.rests(after: keys(index).searchKey) where index + rest.count < words.count {
            let last = index + rest.count
            let matches = rest.indices.allSatisfy { offset in
                let position = index + 1 + offset
                let key = position == last ? factsBeforeApostrophe(position).keys.searchKey : keys(position).searchKey
                return joins(words[position]) && key == rest[offset]
            }
            if matches { return last }
        }
        return nil
    }

    /// A nationality adjective of several words ("Sri Lankan", "New Zealander") from word `index`, with its
    /// last word: no mention, or its country when demonyms count (`AnnotateOptions.demonyms`).
    func demonymPhrase(at index: Int) -> (Found?, Int)? {
        guard let last = phraseEnd(at: index, in: rules.demonymPhrases) else { return nil }
        guard options.demonyms else { return (nil, last) }
        let range = words[index].range.lowerBound..<words[last].range.upperBound
        let end = apostropheSplit(words[last].range) ?? range.upperBound
        guard let country = rules.demonyms[normalizer.searchKey(text(range.lowerBound..<end))] else { return (nil, last) }
        let candidates = countryCandidates(country)
        guard !candidates.isEmpty else { return (nil, last) }
        return (Found(range: range.lowerBound..<end, candidates: candidates, demonym: true, reasons: [.demonym]), last)
    }
}
