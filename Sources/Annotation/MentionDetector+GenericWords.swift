import Resolution

extension MentionDetector {
    /// Whether the word after `last` makes the name a street's ("Dublin Road").
    func isStreet(after last: Int) -> Bool {
        guard last + 1 < words.count, joins(words[last + 1]), facts(last + 1).roles.contains(.streetWord) else { return false }
        // "Kentucky Court of Appeals" is a court of Kentucky, "Florida Highway Patrol" Florida's police: not streets.
        return !endsOtherName(last + 1)
    }

    /// "Xyz district", "Xyz village": a place by its generic word, even when the gazetteer lacks it.
    func genericRecognition(at index: Int) -> (Found, Int)? {
        var end = index
        while end + 1 < words.count, joins(words[end + 1]), words[end + 1].isCapitalized, end - index < 2 {
            end += 1
        }
        guard end + 1 < words.count, joins(words[end + 1]) else { return nil }
        guard facts(end + 1).roles.contains(.generic), !words[end + 1].isCapitalized || end > index else { return nil }
        for position in index...end {
            let facts = facts(position)
            if !facts.roles.isDisjoint(with: [.common, .givenName]) || facts.demonymCountry != nil { return nil }
        }
        return (Found(range: words[index].range.lowerBound..<words[end].range.upperBound, candidates: [],
                      unresolved: true, reasons: [.genericWord(text(words[end + 1].range))]), end)
    }
}
