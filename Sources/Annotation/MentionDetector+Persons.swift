import Foundation
import Resolution

extension MentionDetector {
    /// Words the document uses as people's names, with where it first does: every capitalized word of a
    /// run after a title or a given name ("Chiquita Raquel Henry" makes a later "Henry" a person too).
    func personWords() -> [String: Int] {
        // Named in an earlier window of the document: before any word of this one.
        var people = Dictionary(uniqueKeysWithValues: earlierPeople.map { ($0, -1) })
        var index = 0
        while index < words.count {
            if isCandidateStart(words[index]), let end = personRun(at: index) {
                for position in index...end where facts(position).roles.isDisjoint(with: [.givenName, .patronymic]) {
                    // "Barack Obama's election": the surname is "Obama", as it will stand alone.
                    let range = words[position].range
                    let key = apostropheSplit(range).map { normalizer.searchKey(text(range.lowerBound..<$0)) }
                        ?? keys(position).searchKey
                    people[key] = people[key] ?? position
                }
                index = end + 1
            } else {
                index += 1
            }
        }
        return people
    }

    /// The capitalized run starting at `index` when it is a person's name: after a title ("President
    /// Aliyev"), or a given name followed by another capitalized word ("Aram Torosyan").
    func personRun(at index: Int) -> Int? {
        if memo.personEnd[index] == -2 { memo.personEnd[index] = Int32(computePersonRun(at: index) ?? -1) }
        return memo.personEnd[index] >= 0 ? Int(memo.personEnd[index]) : nil
    }

    func computePersonRun(at index: Int) -> Int? {
        // "Henry County", "Laurel Lake": a given name before a generic word names a place.
        let next = index + 1 < words.count && joins(words[index + 1]) && words[index + 1].isCapitalized
            && !facts(index + 1).roles.contains(.generic)
        // "Иван Петрович": any capitalized word before a patronymic is a given name.
        let isGivenName = facts(index).roles.contains(.givenName) || next && facts(index + 1).roles.contains(.patronymic)
        let precededByTitle = !(isGivenName && next) && followsTitle(index)
        // "Министр иностранных дел России Сергей Лавров": a place between a title and a given name is the
        // official's country, and the person's name begins after it.
        if precededByTitle, next, !isGivenName, facts(index).roles.isDisjoint(with: [.surname]),
           facts(index + 1).roles.contains(.givenName), namesPlace(index) { return nil }
        guard precededByTitle || (isGivenName && next) else { return nil }
        var end = index
        // "Matthew D. Flores": an initial and its dot stay inside the name. After a given name and a surname, a
        // country's name begins the next person's title ("Prezident İlham Əliyev Fransa Prezidenti Emmanuel
        // Makronla"), and a place with a case ending after an apostrophe is where the person went ("Dışişleri
        // Bakanı Hakan Fidan Bakü'de").
        while end + 1 < words.count, joins(words[end + 1]) || followsInitial(end + 1), words[end + 1].isCapitalized,
              end - index < 3, !isInflectedPlace(end + 1),
              end == index || !namesCountry(end + 1) && !(hasCaseEndingAfterApostrophe(end + 1) && namesPlace(end + 1)) {
            end += 1
        }
        if precededByTitle, end == index, !isGivenName {
            // A title before a country or region is not a person ("Defence Minister" + "Armenia"): a single
            // word after a title is a name only if it is no major place.
            let candidates = lookup(text(words[index].range))
            if let best = candidates.first, Resolver.importance(of: best.entry) >= 0.85 { return nil }
            if isInflectedPlace(index) { return nil }
        }
        return end
    }

    /// Whether a word begins a known name as written, before an apostrophe ("Ermenistan'ın") or without a
    /// case ending.
    func namesPlace(_ index: Int) -> Bool {
        (longestName(at: index) ?? 0) > 0 || isInflectedPlace(index)
    }

    /// Whether word `index`, read up to an apostrophe, is a country's name ("Fransa", "Türkiye'nin"), not a
    /// country's code ("Al" of "Al-Sayed").
    func namesCountry(_ index: Int) -> Bool {
        let range = words[index].range
        let end = apostropheSplit(range) ?? range.upperBound
        guard end - range.lowerBound > 3, (longestName(at: index) ?? 0) > 0 else { return false }
        let best = lookup(text(range.lowerBound..<end)).first
        return best.map { Resolver.importance(of: $0.entry) >= 1 && ($0.type == .exact || $0.type == .alias) } ?? false
    }

    /// Whether word `index` ends in an apostrophe and a case ending ("Bakü'de", "Ankara'nın"), not the English
    /// possessive ("Obama's").
    func hasCaseEndingAfterApostrophe(_ index: Int) -> Bool {
        let range = words[index].range
        guard let apostrophe = apostropheSplit(range) else { return false }
        return !(range.upperBound - apostrophe == 2 && (units[apostrophe + 1] | 0x20) == 0x73)
    }

    /// How many words the longest known name starting at `index` has, reading the word only up to an
    /// apostrophe ("Kalbajar's", "Hocalı'da"); nil for a contraction ("I’ve").
    func longestName(at index: Int) -> Int? {
        let range = words[index].range
        guard let apostrophe = apostropheSplit(range) else { return facts(index).longestName }
        if apostrophe == range.lowerBound + 1 { return nil }
        return wordFacts(UnsafeBufferPointer(rebasing: units[range.lowerBound..<apostrophe])).longestName
    }

    /// A word that is no name as written but a place with a case ending: where a person's name stops
    /// ("Prezident İlham Əliyev Şuşada çıxış edib": Aliyev spoke in Shusha).
    func isInflectedPlace(_ index: Int) -> Bool {
        facts(index).longestName == 0 && inflectedMatch(at: index) != nil
    }

    /// Whether the one to three words before `index` are a title ("President", "Secretary of State").
    func followsTitle(_ index: Int) -> Bool {
        guard index > 0, joins(words[index]) || followsAbbreviation(index),
              facts(index - 1).roles.contains(.titleEnding) else { return false }
        var title = ""
        for start in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            if start < index - 1, !joins(words[start + 1]) { break }
            title = start == index - 1 ? keys(start).searchKey : keys(start).searchKey + " " + title
            if rules.titles.contains(title) { return true }
        }
        return false
    }

    /// "Stijn Goris": a place name right after a capitalized word that is no place and no ordinary word is
    /// a surname.
    func isSurname(_ mention: Found, at index: Int) -> Bool {
        guard index > 0, joins(words[index]), !words[index].sentenceInitial || index > 0 else { return false }
        let previous = words[index - 1]
        let facts = facts(index - 1)
        guard previous.isCapitalized, !previous.isAllCaps,
              !previous.sentenceInitial || facts.roles.contains(.givenName) else { return false }
        if !facts.roles.isDisjoint(with: [.common, .title, .generic]) || facts.demonymCountry != nil { return false }
        // "Hakan Fidan Bakü'de": a person's name of two or more words ended before this word (see `personRun`).
        if hasCaseEndingAfterApostrophe(index) || namesCountry(index),
           (max(0, index - 4)...max(0, index - 2)).contains(where: { isCandidateStart(words[$0]) && personRun(at: $0) == index - 1 }) {
            return false
        }
        if facts.roles.contains(.givenName) { return true }
        guard !namesPlace(index - 1) else { return false }
        // A major place keeps its name even after an unknown word ("Reuters Moscow").
        if let best = mention.candidates.first, Resolver.importance(of: best.entry) >= 0.85 { return false }
        return true
    }

    /// Whether the word after `index` is a word for a family ("family", "ailesi", "семья"), which makes a name
    /// before it a surname.
    func followedByFamilyWord(_ index: Int) -> Bool {
        index + 1 < words.count && joins(words[index + 1]) && facts(index + 1).roles.contains(.familyWord)
    }

    /// Whether `mention`, the single word `index`, is a person speaking: a surname or a small place's name
    /// next to a verb of speech ("Kennedy said", "Лавров заявил", "said Kinney", "according to Taylor"). A
    /// capital of some size still speaks for its government ("Moscow said", "Washington said").
    func isSpeaker(_ mention: Found, at index: Int) -> Bool {
        guard let best = mention.candidates.first else { return false }
        let importance = Resolver.importance(of: best.entry)
        let personLike = facts(index).roles.contains(.surname) ? importance < 0.92 || best.entry.population < 100_000
            : importance < 0.7
        guard personLike else { return false }
        if index + 1 < words.count, joins(words[index + 1]), facts(index + 1).roles.contains(.speechVerb) { return true }
        // "…," said Kinney.": the verb before the name, which ends its clause ("said Litchfield Fire Chief Jim
        // Koser" is the town's chief speaking).
        guard index > 0, joins(words[index]), index + 1 == words.count || !joins(words[index + 1]) else { return false }
        if facts(index - 1).roles.contains(.speechVerb) { return true }
        return index > 1 && joins(words[index - 1])
            && rules.speechVerbs.contains(keys(index - 2).searchKey + " " + keys(index - 1).searchKey)
    }

    /// Whether `mention`, the single word `index`, may be a given name before a surname that is no place and
    /// no ordinary word ("Tyler Zilverberg", "Brent Ching", but also "Jackson Township"): given names the lists
    /// leave out because a town bears them.
    func isGivenNameBeforeUnknown(_ mention: Found, at index: Int) -> Bool {
        guard index + 1 < words.count, joins(words[index + 1]), !hyphenated(index), !hyphenated(index + 1),
              !words[index].isAllCaps else {
            return false
        }
        let next = words[index + 1]
        let facts = facts(index + 1)
        guard next.isCapitalized, !next.isAllCaps, !next.capsLine,
              facts.roles.isDisjoint(with: [.common, .title, .generic, .streetWord, .connector, .speechVerb, .familyWord]),
              facts.demonymCountry == nil, !namesPlace(index + 1) else { return false }
        guard let best = mention.candidates.first else { return false }
        return Resolver.importance(of: best.entry) < 0.85
    }

    /// Whether word `index` is joined by an ampersand to a capitalized word: part of a firm's name ("Stevens &
    /// Wilkinson", "Johnson & Johnson").
    func isInFirmName(_ index: Int) -> Bool {
        func ampersand(_ position: Int) -> Bool {
            guard position > 0, position < words.count, !words[position].glued else { return false }
            let gap = text(words[position].gap).trimmingCharacters(in: .whitespaces)
            return gap == "&" && words[position - 1].isCapitalized && words[position].isCapitalized
        }
        return ampersand(index) || ampersand(index + 1)
    }

    /// Whether word `index` is a given name after "St." or "Ste." that makes no place name with it: a saint's
    /// ("St. Patrick's Day"), not a city's ("St. Petersburg's").
    func followsSaint(_ index: Int) -> Bool {
        guard index > 0, followsAbbreviation(index), ["st", "ste"].contains(keys(index - 1).searchKey) else { return false }
        return factsBeforeApostrophe(index).roles.contains(.givenName)
    }

    /// The facts of word `index` read up to an apostrophe: "Obama" of "Obama's", "Patrick" of "Patrick's".
    func factsBeforeApostrophe(_ index: Int) -> WordFacts {
        let range = words[index].range
        return apostropheSplit(range).map { wordFacts(UnsafeBufferPointer(rebasing: units[range.lowerBound..<$0])) }
            ?? facts(index)
    }

    /// Whether `mention`, at word `index`, is a surname joined by "and" to another capitalized surname
    /// ("Lincoln ve Washington", "Kennedy and Johnson") and one of the two is at most a middling town: a named
    /// pair is then more likely two people. Not before a generic word ("Jackson and Madison counties"), nor
    /// two sizeable cities ("Houston and Dallas").
    func isPairedSurname(_ mention: Found, at index: Int) -> Bool {
        func isLoneSurname(_ position: Int) -> Bool {
            words[position].isCapitalized && !words[position].isAllCaps && facts(position).roles.contains(.surname)
                && !(position + 1 < words.count && joins(words[position + 1]) && facts(position + 1).roles.contains(.generic))
        }
        func isAnd(_ position: Int) -> Bool {
            !words[position].isCapitalized && facts(position).roles.contains(.conjunction)
        }
        guard isLoneSurname(index), let best = mention.candidates.first else { return false }
        var partner: Int?
        if index + 2 < words.count, joins(words[index + 1]), joins(words[index + 2]), isAnd(index + 1),
           isLoneSurname(index + 2) {
            partner = index + 2
        } else if index >= 2, joins(words[index]), joins(words[index - 1]), isAnd(index - 1), isLoneSurname(index - 2) {
            partner = index - 2
        }
        guard let partner else { return false }
        let partnerImportance = lookup(text(words[partner].range)).first.map { Resolver.importance(of: $0.entry) } ?? 0
        return min(Resolver.importance(of: best.entry), partnerImportance) < 0.85
    }

    /// Whether word `index` follows a capital letter alone and its dot ("D. Flores").
    private func followsInitial(_ index: Int) -> Bool {
        index > 0 && words[index - 1].range.count == 1 && words[index - 1].isCapitalized && followsAbbreviation(index)
    }
}
