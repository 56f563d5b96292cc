import Resolution

extension MentionDetector {
    /// An abbreviation that stands for a place (США, ՀՀ, ABŞ, ABD'nin, ԱՄՆ-ի, აშშ-ის, B.C., Que.), from
    /// `Gazetteer/annotation/place-abbreviations.tsv`, with the last word it covers. The span keeps an ending
    /// written after a hyphen (ԱՄՆ-ի, ABŞ-ın) and stops at an apostrophe (ABD'nin).
    func abbreviationMatch(at index: Int) -> (Found, Int)? {
        var range = words[index].range
        if let apostrophe = apostropheSplit(range) { range = range.lowerBound..<apostrophe }
        // Abbreviations are in capitals (США, ABŞ, Aİ), end with a dot (Que., Phila.) or are in a script without
        // capitals (აშშ), and the longest has five letters and a dot inside (Phila, L.A): most words are none.
        let dotFollows = range.upperBound < units.count && units[range.upperBound] == 0x2E
        guard range.count <= 6, dotFollows || words[index].isUncased || isInCapitals(range),
              !rules.placeAbbreviations.isEmpty else { return nil }
        var form = text(range)
        let dotted = dotFollows && rules.placeAbbreviations[form + "."] != nil
        if dotted { form += "." }
        guard let rows = rules.placeAbbreviations[form], !followsNumber(index) else { return nil }
        let applicable = rows.filter { !$0.afterComma || followsPlaceAndComma(index) }
        guard let expansion = applicable.first?.place else { return nil }
        // A place the gazetteer lacks (the Soviet Union) is still a place mention, reported without a place.
        let candidates = applicable.compactMap { lookup($0.place).first }
        var end = range.upperBound + (dotted ? 1 : 0)
        var last = index
        let next = index + 1
        if !dotted, range == words[index].range, next < words.count, hyphenated(next), words[next].range.count <= 4,
           !words[next].isCapitalized, !words[next].isAllCaps {
            end = words[next].range.upperBound
            last = next
        }
        return (Found(range: range.lowerBound..<end, candidates: candidates, unresolved: candidates.isEmpty,
                      reasons: [.abbreviation(expansion: expansion)]), last)
    }

    /// Whether a number stands right before word `index` ("500 B.C." is an era, not British Columbia).
    private func followsNumber(_ index: Int) -> Bool {
        var position = words[index].range.lowerBound - 1
        while position >= 0, units[position] == 0x20 || units[position] == 0xA0 { position -= 1 }
        return position >= 0 && (0x30...0x39).contains(units[position])
    }

    /// Whether word `index` follows a capitalized word and a comma ("Little Rock, AR"): where postal codes of
    /// states stand.
    private func followsPlaceAndComma(_ index: Int) -> Bool {
        guard index > 0, !words[index].glued, words[index - 1].isCapitalized else { return false }
        let gap = words[index].gap
        return gap.count == 2 && units[gap.lowerBound] == 0x2C && units[gap.lowerBound + 1] == 0x20
    }

    /// The capitalized words after a maker's name, which name its product: "Jeep Cherokee", "Mercedes Vito".
    func productRun(at index: Int) -> Int? {
        guard facts(index).roles.contains(.brand) else { return nil }
        var end = index
        while end + 1 < words.count, end - index < 2, joins(words[end + 1]), isCandidateStart(words[end + 1]) {
            end += 1
        }
        return end
    }

    /// Whether a span has capitals and no lower-case letter (ABD'nin up to its apostrophe; no Georgian word).
    private func isInCapitals(_ range: Range<Int>) -> Bool {
        var capitals = false
        for unit in units[range] {
            if unit < 0x80 {
                if unit >= 0x61 && unit <= 0x7A { return false }
                capitals = capitals || unit >= 0x41 && unit <= 0x5A
            } else if let properties = Unicode.Scalar(unit)?.properties {
                if properties.isLowercase { return false }
                capitals = capitals || properties.isUppercase
            }
        }
        return capitals
    }
}
