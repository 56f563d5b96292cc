import GazetteerStore
import Resolution
import SystemICU

extension MentionDetector {
    /// Where a word's apostrophe suffix begins ("Armenia’s", "Hocalı'da"), if it has one of one to four
    /// letters.
    func apostropheSplit(_ range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        var letters = 0
        while index > range.lowerBound {
            let unit = units[index]
            if unit == 0x27 || unit == 0x2019 || unit == 0x02BC {
                return letters >= 1 && letters <= 4 ? index : nil
            }
            letters += 1
            index -= 1
        }
        return nil
    }

    /// The names word `index` may be with one ending taken off and the nominative put back (Իտալիայի →
    /// Իտալիա, Բաքվում → Բաքու, ბათუმამდე → ბათუმი), longest ending first.
    func stems(of index: Int) -> [String] {
        let script = facts(index).keys.script
        guard let endings = rules.inflections[script] else { return [] }
        let surface = text(words[index].range)
        let lower = Array(surface.lowercased().unicodeScalars)
        // Stems of at least four letters in Latin script, where the endings are short and English words
        // end in them too; three elsewhere.
        let shortestStem = script == "Latn" ? 4 : 3
        var stems: [String] = []
        for inflection in endings where lower.count >= inflection.scalars.count + shortestStem
            && lower.suffix(inflection.scalars.count).elementsEqual(inflection.scalars) {
            stems.append(String(String.UnicodeScalarView(surface.unicodeScalars.dropLast(inflection.scalars.count)))
                + inflection.restore)
        }
        return stems
    }

    /// A single inflected word: "Горисе", "İrəvandan", "Գորիսում", "Իտալիայի", "თბილისში". Every ending that
    /// leaves a known name adds its places, because one form can be two words' (Шушу is Шуша's accusative and
    /// would be a Шуш's dative): the document's context chooses.
    func inflectedMatch(at index: Int) -> Found? {
        if let last = memo.inflected, last.index == index { return last.found }
        let found = computeInflectedMatch(at: index)
        memo.inflected = (index, found)
        return found
    }

    private func computeInflectedMatch(at index: Int) -> Found? {
        let wordFacts = facts(index)
        // An ordinary word, a person's name or a nationality adjective is no inflected place ("State" is not
        // "Stat" in the dative; Азербайджанские is Azerbaijani, not Azerbaijan).
        if !wordFacts.roles.isDisjoint(with: [.common, .givenName, .patronymic]) || wordFacts.demonymCountry != nil {
            return nil
        }
        // "Кяльбаджарского района": a generic word after the word vouches for another convention's spelling.
        let beforeGeneric = index + 1 < words.count && joins(words[index + 1]) && facts(index + 1).roles.contains(.generic)
        let script = wordFacts.keys.script
        var readings: [(candidate: Resolver.Candidate, stem: String)] = []
        for stem in stems(of: index) {
            let stemFacts = facts(of: stem)
            // Most stems begin no name at all: ask the index of first words before the gazetteer. A stem that
            // is a person's name is the person (Владимиром is "with Vladimir", not Vladimir Oblast).
            guard stemFacts.longestName > 0,
                  stemFacts.roles.isDisjoint(with: [.common, .givenName, .patronymic]) else { continue }
            // Codes match only as written, and a stem as short as a code only names in its own script: Белом
            // is no Belgium through its code BEL, nor Belém through that alias; Сына no China through Hebrew סין,
            // Края no Accra through Arabic آکرا. Letters that keys drop do not count (Реки is no Reykjavík through
            // its code REK). Longer stems may reach a place through another script's name (Лондон, whose key is
            // London's).
            let letters = stem.unicodeScalars.count { !Self.silentLetters.contains($0) }
            let candidates = lookup(stem).filter { candidate in
                candidate.entry.kind != .abbreviation
                    && (script == "Latn" || letters > 3 || Script(code: Int32(candidate.entry.script)).isoCode == script)
            }
            guard let best = candidates.first, isInflectable(best, at: index, beforeGeneric: beforeGeneric) else { continue }
            readings += candidates.map { ($0, stem) }
        }
        guard !readings.isEmpty else { return nil }
        // The generic word also says which kind of place: "Кяльбаджарского района" is the district, not the town.
        if beforeGeneric, let feature = genericFeature(at: index + 1).flatMap(FeatureFilter.init) {
            for position in readings.indices where !feature.matches(featureClass: readings[position].candidate.entry.featureClassString,
                                                                     code: readings[position].candidate.entry.featureCodeString) {
                readings[position].candidate.score *= 0.72
            }
        }
        var seen = Set<Int64>()
        // Stable, so that of equal scores the longer ending's reading stays first.
        let sorted = readings.enumerated().sorted { ($0.element.candidate.score, $1.offset) > ($1.element.candidate.score, $0.offset) }
            .map(\.element)
        let candidates = sorted.map(\.candidate).filter { seen.insert($0.entry.pid).inserted }
        // The reason names the stem of the best reading: Китая is China's genitive (Китай), not Kita with -я.
        let stem = sorted[0].stem
        // An ending on a small place far away is as likely a word of the language or a place the gazetteer
        // lacks (Зейли, a village in Azerbaijan, is no Зейла in Somalia): the article must support it.
        let best = candidates[0].entry
        let needsContext = Resolver.importance(of: best) < 0.85 && best.source != .curated
            && !Self.inflectingCountries.contains(best.country) || isWeakAtSentenceStart(best, at: index)
        return Found(range: words[index].range, candidates: candidates, needsContext: needsContext,
                     reasons: [.inflection(stem: stem)])
    }

    /// The single word `index` read with an ending, when that is better evidence than `mention`, the word
    /// as written: "России" is Russia's genitive rather than another convention's spelling Росси, "Вене"
    /// Vienna's locative rather than Veigné through its Latin alias Ven'e, "Вены" Vienna's genitive rather than
    /// a Latin spelling of Vani. A name as written in the word's own script keeps it (Medina, Ohio is no
    /// Madinah with an ending); the ending's reading must need no support from the article.
    func preferredInflection(over mention: Found, at index: Int) -> Found? {
        guard let best = mention.candidates.first else { return nil }
        let named = best.type == .exact || best.type == .alias
        if named, Script(code: Int32(best.entry.script)).isoCode == facts(index).keys.script { return nil }
        // A sure reading as written gives way only across scripts: Latin-script words take other conventions'
        // spellings for granted.
        if !mention.needsContext, facts(index).keys.script == "Latn" { return nil }
        guard let inflected = inflectedMatch(at: index), !inflected.needsContext else { return nil }
        // The same place by both readings: the word is its nominative (Ахалкалаки), unless only the ending's
        // reading is sure.
        if !mention.needsContext, inflected.candidates.first?.entry.pid == best.entry.pid { return nil }
        return inflected
    }

    /// Whether word `index` starts a sentence in a cased script other than Latin and reads as `best` only
    /// through another script's name: capitalization says nothing there, and Russian words meet Latin names
    /// by chance ("Неба" is Neba, Japan, "Коня" Konya only in Latin letters), so the article must support it.
    /// Only small places: cities and seats, and places of the countries whose languages the region writes
    /// (whose local names a candidate may carry in any of their scripts: Լոռու), need no support ("Бостон
    /// готовится…").
    func isWeakAtSentenceStart(_ best: KeyEntry, at index: Int) -> Bool {
        let word = words[index]
        guard word.sentenceInitial, !word.isUncased, !word.capsLine, best.source != .curated,
              !Self.inflectingCountries.contains(best.country), Resolver.importance(of: best) < 0.75 else { return false }
        let script = facts(index).keys.script
        return script != "Latn" && Script(code: Int32(best.script)).isoCode != script
    }

    /// Whether the best reading of a stem is good enough to take a word with an ending for it.
    private func isInflectable(_ best: Resolver.Candidate, at index: Int, beforeGeneric: Bool) -> Bool {
        let importance = Resolver.importance(of: best.entry)
        let curated = best.entry.source == .curated
        let named = best.type == .exact || best.type == .alias || beforeGeneric && best.type == .transliteration
        guard named, importance >= 0.6 || curated else { return false }
        if words[index].isUncased { return isPlausibleInUncasedScript(best, at: index) }
        // Turkish and Azerbaijani endings end English words too (Chakaten is no Chaka in Kenya with -ten):
        // in Latin script, only places of the languages that inflect names, and major ones.
        if facts(index).keys.script == "Latn" {
            return curated || importance >= 0.85 || Self.inflectingCountries.contains(best.entry.country)
        }
        return true
    }

    /// Russian hard and soft signs, which search keys drop.
    private static let silentLetters: Set<Unicode.Scalar> = ["ь", "ъ", "Ь", "Ъ"]

    /// Countries whose places Azerbaijani and Turkish news names with case endings without an apostrophe.
    static let inflectingCountries: Set<UInt16> = Set(["AM", "AZ", "GE", "TR", "IR", "RU"].map {
        UInt16(truncatingIfNeeded: PackedASCII.pack($0))
    })

    /// A name of several words with an ending on the last: "Վայոց ձորի" (Vayots Dzor), "Göyçə gölünün" (Lake
    /// Sevan), with the name it was read as.
    func inflectedRun(from index: Int, to end: Int) -> ([Resolver.Candidate], String)? {
        // English runs are ASCII and take no endings; Azerbaijani ones seldom lack its letters (Qarabağın): most
        // capitalized runs of English news are spared the lookups.
        let span = words[index].range.lowerBound..<words[end].range.upperBound
        if facts(end).keys.script == "Latn", !units[span].contains(where: { $0 >= 0x80 }) { return nil }
        let prefix = text(words[index].range.lowerBound..<words[end].range.lowerBound)
        for stem in stems(of: end) {
            let name = prefix + stem
            let candidates = lookup(name).filter(isWholeName)
            if !candidates.isEmpty { return (candidates, name) }
        }
        return nil
    }

    /// A name of two or three words whose last is in lower case, as written or with an ending: "Göyçə gölü",
    /// "Göyçə gölünün", "Վայոց ձորի". Each try costs lookups.
    func lowerCaseTail(at index: Int, longest: Int) -> (Found, Int)? {
        // "The city", "A man", "Irish town": an ordinary word or an adjective before a common noun.
        guard !facts(index).roles.contains(.common), facts(index).demonymCountry == nil else { return nil }
        var end = index
        while end + 1 < words.count, end - index + 1 < min(longest, 3), joins(words[end + 1]),
              words[end + 1].gap.lowerBound == words[end].range.upperBound,
              !words[end + 1].isCapitalized, !words[end + 1].isUncased {
            end += 1
        }
        guard end > index else { return nil }
        // In Latin script only a generic word continues a name in lower case ("Göyçə gölü"); Armenian writes the
        // second word of a name in lower case ("Վայոց ձոր").
        let latin = facts(index).keys.script == "Latn"
        for last in stride(from: end, to: index, by: -1) where !latin || isGenericWord(last) {
            let span = words[index].range.lowerBound..<words[last].range.upperBound
            let named = lookup(text(span)).filter(isWholeName)
            if !named.isEmpty { return (Found(range: span, candidates: named), last) }
            if let (candidates, stem) = inflectedRun(from: index, to: last) {
                return (Found(range: span, candidates: candidates, reasons: [.inflection(stem: stem)]), last)
            }
        }
        return nil
    }

    /// Whether a reading matches a name as a whole, generic word included ("Göyçə gölü"), rather than a name
    /// and a generic word beside it ("Kelbecer bölgesi": the span stops before the word for a division).
    func isWholeName(_ candidate: Resolver.Candidate) -> Bool {
        (candidate.type == .exact || candidate.type == .alias) && candidate.feature == nil
    }

    /// The feature (`A`, `H.LK` …) that the generic word at `index` names, as written or without an ending.
    func genericFeature(at index: Int) -> String? {
        let written = normalizer.searchKey(text(words[index].range))
        if let feature = rules.genericWords[written] { return feature }
        return stems(of: index).lazy.compactMap { self.rules.genericWords[self.normalizer.searchKey($0)] }.first
    }

    /// Whether word `index`, as written or without an ending, is a generic word ("gölü", "gölünün"). English
    /// generic words take no endings, so an ASCII word is only looked up as written.
    private func isGenericWord(_ index: Int) -> Bool {
        if facts(index).roles.contains(.generic) { return true }
        guard units[words[index].range].contains(where: { $0 >= 0x80 }) else { return false }
        return genericFeature(at: index) != nil
    }
}
