extension MentionDetector {
    /// "Memphis Street", "North Main St.", "County Road 43", "Highway 19": a street or road by its name, a place
    /// that the gazetteer does not hold, kept without a resolution. The street word must be capitalized and end
    /// the name: "Florida Highway Patrol" and "St. Louis" name other things.
    func streetRecognition(at index: Int) -> (Found, Int)? {
        guard !words[index].capsLine else { return nil }
        // "Highway 19", "Route 66": a road by its number.
        if streetName(at: index).map({ $0 != .afterName }) == true, let number = numberAfter(index) {
            return (street(words[index].range.lowerBound..<number, word: index), index)
        }
        var end = index
        while end - index < 3, end + 1 < words.count, follows(end + 1), words[end + 1].isCapitalized,
              streetName(at: end + 1) == nil {
            end += 1
        }
        let word = end + 1
        guard word < words.count, follows(word), words[word].isCapitalized, !words[word].isAllCaps,
              let kind = streetName(at: word), !endsOtherName(word) else { return nil }
        // "Take Highway 19": an ordinary word that starts the sentence is no part of the street's name.
        if end > index, words[index].sentenceInitial, facts(index).roles.contains(.common) { return nil }
        for position in index...end where !facts(position).roles.isDisjoint(with: [.title, .brand]) { return nil }
        // "Diane Lane": a given name before a street word that is also a surname is a person.
        if end == index, facts(index).roles.contains(.givenName), facts(word).roles.contains(.surname) { return nil }
        var upper = words[word].range.upperBound
        if kind != .afterName, let number = numberAfter(word) {
            upper = number
        } else if upper < units.count, units[upper] == 0x2E, rules.streetAbbreviations.contains(keys(word).searchKey) {
            upper += 1  // "Memphis St."
        }
        return (street(words[index].range.lowerBound..<upper, word: word), word)
    }

    /// Whether the street word at `index` is where some other name goes on: before another capitalized word
    /// ("Highway Patrol"), a connector other than "and" ("Court of Appeals"), or, after "St." and a space, a saint's or town's
    /// name ("St. Louis").
    func endsOtherName(_ index: Int) -> Bool {
        guard index + 1 < words.count else { return false }
        let next = words[index + 1]
        // Not "Dublin Road and North Main St.": "and" joins two streets there.
        let connector = facts(index + 1).roles.contains(.connector) && !facts(index + 1).roles.contains(.conjunction)
        if joins(next), next.isCapitalized || connector { return true }
        return followsAbbreviation(index + 1) && next.isCapitalized && facts(index).roles.contains(.nameAbbreviation)
    }

    /// Whether word `index` follows the word before it across a single space or hyphen, with no number
    /// between ("Center, 5600 Post Road" joins no words).
    private func follows(_ index: Int) -> Bool {
        joins(words[index]) && words[index].gap.lowerBound == words[index - 1].range.upperBound
    }

    private func streetName(at index: Int) -> AnnotationRules.StreetName? {
        rules.streetNames.isEmpty ? nil : rules.streetNames[keys(index).searchKey]
    }

    /// Where a number right after word `index` ends ("Road 43", "U.S. 27A"), if one follows after a space.
    private func numberAfter(_ index: Int) -> Int? {
        var position = words[index].range.upperBound
        guard position + 1 < units.count, units[position] == 0x20, (0x30...0x39).contains(units[position + 1]) else {
            return nil
        }
        position += 1
        while position < units.count, (0x30...0x39).contains(units[position]) || (0x41...0x5A).contains(units[position]) {
            position += 1
        }
        return position
    }

    private func street(_ range: Range<Int>, word: Int) -> Found {
        Found(range: range, candidates: [], unresolved: true, reasons: [.genericWord(text(words[word].range))])
    }
}
