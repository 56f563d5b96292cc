import GazetteerStore
import Normalization
import Resolution
import SystemICU
import Tokenization

/// Finds the spans of running text that name places: capitalized words and runs of them ("Verin Shorja",
/// "United States", "Lake Sevan"), every word in scripts without case, every word of all-caps headlines;
/// with inflections ("Горисе", "İrəvandan", "Գորիսում") and glued words ("PoliticsBaku"). Ordinary words,
/// people's names (after a title, a given name, or an unknown first name) and demonyms are left out.
struct MentionDetector {
    /// A span that names a place, with the places it may mean (before the document's context).
    struct Found {
        var range: Range<Int>
        var candidates: [Resolver.Candidate]
        /// The span's text, as written and as a search key.
        var text = ""
        var key = ""
        /// Recognized by a generic word ("Xyz district") but not found in the gazetteer.
        var unresolved = false
        /// A nationality adjective counted as its country (only with `AnnotateOptions.demonyms`).
        var demonym = false
    }

    /// A word of the text, with what detection needs to know about it.
    struct Word {
        var range: Range<Int>
        var token: Token
        /// The text between the previous word and this one.
        var gap: Range<Int>
        var sentenceInitial: Bool
        var capsLine: Bool
        /// Part of a word glued to the previous part without a space.
        var glued = false
    }

    let units: UnsafeBufferPointer<UInt16>
    let words: [Word]
    let rules: AnnotationRules
    let normalizer: NameNormalizer
    let options: AnnotateOptions
    /// The places a span's text may mean, without context.
    let lookup: (String) -> [Resolver.Candidate]
    private let memo: Memo

    /// What detection has learnt about each word: it asks about the same word many times.
    private final class Memo {
        var keys: [NameKeys?]
        /// Per word: not yet known (-2), no person's name starts here (-1), or the last word of the name.
        var personEnd: [Int32]

        init(count: Int) {
            keys = Array(repeating: nil, count: count)
            personEnd = Array(repeating: -2, count: count)
        }
    }

    init(units: UnsafeBufferPointer<UInt16>, tokens: [Token], rules: AnnotationRules, normalizer: NameNormalizer,
         options: AnnotateOptions, lookup: @escaping (String) -> [Resolver.Candidate]) {
        self.units = units
        self.rules = rules
        self.normalizer = normalizer
        self.options = options
        self.lookup = lookup
        words = Self.words(of: tokens, units: units, rules: rules, normalizer: normalizer)
        memo = Memo(count: words.count)
    }

    func text(_ range: Range<Int>) -> String {
        UTF16Text.string(UnsafeBufferPointer(rebasing: units[range]))
    }

    func keys(_ index: Int) -> NameKeys {
        if let keys = memo.keys[index] { return keys }
        let keys = normalizer.keys(for: text(words[index].range))
        memo.keys[index] = keys
        return keys
    }

    // MARK: Words

    private static func words(of tokens: [Token], units: UnsafeBufferPointer<UInt16>, rules: AnnotationRules,
                              normalizer: NameNormalizer) -> [Word] {
        var words: [Word] = []
        var previousEnd = 0
        var sentenceInitial = true
        var lineStart = 0
        var lineWords: [Int] = []
        func closeLine() {
            let cased = lineWords.filter { !words[$0].token.isUncased }
            let caps = cased.filter { words[$0].token.isAllCaps }.count
            if cased.count >= 3, Double(caps) >= 0.7 * Double(cased.count) {
                for index in lineWords { words[index].capsLine = true }
            }
            lineWords.removeAll()
        }
        for token in tokens {
            switch token.kind {
            case .word:
                let gap = previousEnd..<token.range.lowerBound
                for part in split(token, units: units, normalizer: normalizer, rules: rules) {
                    words.append(Word(range: part.range, token: part, gap: part.range.lowerBound == token.range.lowerBound ? gap : part.range.lowerBound..<part.range.lowerBound,
                                      sentenceInitial: sentenceInitial && part.range.lowerBound == token.range.lowerBound,
                                      capsLine: false, glued: part.range.lowerBound != token.range.lowerBound))
                    lineWords.append(words.count - 1)
                }
                sentenceInitial = false
                previousEnd = token.range.upperBound
            case .number:
                sentenceInitial = false
                previousEnd = token.range.upperBound
            case .other:
                for index in token.range {
                    switch units[index] {
                    case 0x0A, 0x0D, 0x2029, 0x2028:
                        closeLine()
                        lineStart = index
                        sentenceInitial = true
                    case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2026, 0x0589, 0x055C, 0x055E:
                        // . ! ? : ; … and Armenian full stop, exclamation and question marks
                        sentenceInitial = true
                    default:
                        break
                    }
                }
            }
        }
        closeLine()
        _ = lineStart
        return words
    }

    /// A word glued from several ("səhifəPoliticsBaku") is split at its seams, unless names start with it
    /// whole ("DeKalb", "McAllen").
    private static func split(_ token: Token, units: UnsafeBufferPointer<UInt16>, normalizer: NameNormalizer,
                              rules: AnnotationRules) -> [Token] {
        guard !token.seams.isEmpty else { return [token] }
        let whole = normalizer.keys(for: UTF16Text.string(UnsafeBufferPointer(rebasing: units[token.range])))
        if rules.firstWords.maximumWords(startingWith: whole.matchKey) > 0 { return [token] }
        var parts: [Token] = []
        var start = token.range.lowerBound
        for seam in token.seams + [token.range.upperBound] where seam > start {
            var part = Tokenizer.classify(start..<seam, in: units)
            part.seams = []
            parts.append(part)
            start = seam
        }
        return parts
    }

    // MARK: Detection

    func detect() -> [Found] {
        let people = personWords()
        var found: [Found] = []
        var index = 0
        var skipUntil = -1
        while index < words.count {
            defer { index += 1 }
            guard index > skipUntil else { continue }
            let word = words[index]
            guard isCandidateStart(word) else { continue }
            if let personEnd = personRun(at: index) {
                skipUntil = personEnd
                continue
            }
            if let (mention, last) = longestMatch(at: index) {
                if isSurname(mention, at: index) { continue }
                if last == index, people.contains(keys(index).searchKey),
                   let best = mention.candidates.first, Resolver.importance(of: best.entry) < 0.9 {
                    continue
                }
                if isStreet(after: last) { continue }
                found.append(mention)
                skipUntil = last
                continue
            }
            if let mention = inflectedMatch(at: index) {
                found.append(mention)
                continue
            }
            if let (mention, last) = genericRecognition(at: index) {
                found.append(mention)
                skipUntil = last
                continue
            }
            if options.demonyms, let mention = demonymMention(at: index) {
                found.append(mention)
            }
        }
        for index in found.indices {
            found[index].text = text(found[index].range)
            found[index].key = normalizer.searchKey(found[index].text)
        }
        return found
    }

    /// Words the document uses as people's names: every capitalized word of a run after a title or a given
    /// name ("Chiquita Raquel Henry" makes a later "Henry" a person too).
    private func personWords() -> Set<String> {
        var people: Set<String> = []
        var index = 0
        while index < words.count {
            if isCandidateStart(words[index]), let end = personRun(at: index) {
                for position in index...end where !rules.givenNames.contains(keys(position).searchKey) {
                    people.insert(keys(position).searchKey)
                }
                index = end + 1
            } else {
                index += 1
            }
        }
        return people
    }

    /// Whether the word after `last` makes the name a street's ("Dublin Road").
    private func isStreet(after last: Int) -> Bool {
        guard last + 1 < words.count, joins(words[last + 1]) else { return false }
        return rules.streetWords.contains(keys(last + 1).searchKey)
    }

    private func isCandidateStart(_ word: Word) -> Bool {
        word.token.isCapitalized || word.token.isUncased || word.capsLine
    }

    /// Whether the gap between two words keeps them in one name: a single space or hyphen.
    private func joins(_ word: Word) -> Bool {
        if word.glued { return false }
        let gap = word.gap
        guard gap.count == 1 else { return false }
        switch units[gap.lowerBound] {
        case 0x20, 0xA0, 0x2D, 0x2010, 0x2011, 0x2013: return true
        default: return false
        }
    }

    /// The capitalized run starting at `index` when it is a person's name: after a title ("President
    /// Aliyev"), or a given name followed by another capitalized word ("Aram Torosyan").
    private func personRun(at index: Int) -> Int? {
        if memo.personEnd[index] == -2 { memo.personEnd[index] = Int32(computePersonRun(at: index) ?? -1) }
        return memo.personEnd[index] >= 0 ? Int(memo.personEnd[index]) : nil
    }

    private func computePersonRun(at index: Int) -> Int? {
        let isGivenName = rules.givenNames.contains(keys(index).searchKey)
        let next = index + 1 < words.count && joins(words[index + 1]) && words[index + 1].token.isCapitalized
        let precededByTitle = !(isGivenName && next) && followsTitle(index)
        guard precededByTitle || (isGivenName && next) else { return nil }
        var end = index
        while end + 1 < words.count, joins(words[end + 1]), words[end + 1].token.isCapitalized, end - index < 3 {
            end += 1
        }
        if precededByTitle, end == index, !isGivenName {
            // A title before a country or region is not a person ("Defence Minister" + "Armenia"): a single
            // word after a title is a name only if it is no major place.
            let candidates = lookup(text(words[index].range))
            if let best = candidates.first, Resolver.importance(of: best.entry) >= 0.85 { return nil }
        }
        return end
    }

    /// Whether the one to three words before `index` are a title ("President", "Secretary of State").
    private func followsTitle(_ index: Int) -> Bool {
        guard index > 0, rules.titleEndings.contains(keys(index - 1).searchKey) else { return false }
        var title = ""
        for start in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            title = start == index - 1 ? keys(start).searchKey : keys(start).searchKey + " " + title
            if rules.titles.contains(title) { return true }
        }
        return false
    }

    /// The longest run of words from `index` that the gazetteer knows.
    private func longestMatch(at index: Int) -> (Found, Int)? {
        var first = keys(index)
        if let apostrophe = apostropheSplit(words[index].range) {
            first = normalizer.keys(for: text(words[index].range.lowerBound..<apostrophe))
        }
        let longest = rules.firstWords.maximumWords(startingWith: first.matchKey)
        guard longest > 0 else { return nil }
        // Words that may continue the name: joined by a space or hyphen, capitalized (or a connector
        // followed by one).
        var last = index
        var ends: [Int] = [index]
        var position = index + 1
        while position < words.count, position - index < longest + 2, joins(words[position]) {
            let word = words[position]
            if isCandidateStart(word) {
                ends.append(position)
                last = position
            } else if rules.connectors.contains(keys(position).searchKey), position + 1 < words.count,
                      joins(words[position + 1]), isCandidateStart(words[position + 1]) {
                // keep going: "Republic of Armenia", "Bosnia and Herzegovina"
            } else {
                break
            }
            position += 1
        }
        _ = last
        for end in ends.reversed() {
            let range = words[index].range.lowerBound..<words[end].range.upperBound
            var span = range
            var spanText = text(range)
            // "Armenia's", "Hocalı'da": the name stops at the apostrophe.
            if end == index, let apostrophe = apostropheSplit(range) {
                span = range.lowerBound..<apostrophe
                spanText = text(span)
            }
            let candidates = lookup(spanText)
            guard let best = candidates.first else { continue }
            let dotted = span.upperBound < units.count && units[span.upperBound] == 0x2E
            guard accept(best, candidates: candidates, words: index...end, text: spanText,
                         partOfLongerRun: end < ends.last!, followedByDot: dotted) else { continue }
            if dotted, best.entry.kind == .abbreviation { span = span.lowerBound..<span.upperBound + 1 }
            return (Found(range: span, candidates: candidates), end)
        }
        return nil
    }

    /// Where a word's apostrophe suffix begins ("Armenia’s", "Hocalı'da"), if it has one of one to four
    /// letters.
    private func apostropheSplit(_ range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        var letters = 0
        while index > range.lowerBound {
            let unit = units[index]
            if unit == 0x27 || unit == 0x2019 || unit == 0x02BC {
                return letters >= 1 && letters <= 4 && index > range.lowerBound + 1 ? index : nil
            }
            letters += 1
            index -= 1
        }
        return nil
    }

    /// Whether a match is a place mention rather than an ordinary word or code.
    private func accept(_ best: Resolver.Candidate, candidates: [Resolver.Candidate], words span: ClosedRange<Int>,
                        text: String, partOfLongerRun: Bool, followedByDot: Bool) -> Bool {
        let first = words[span.lowerBound]
        let importance = Resolver.importance(of: best.entry)
        let exact = best.type == .exact || best.type == .alias
        guard best.score >= 0.45 else { return false }
        let key = normalizer.searchKey(text)
        if best.entry.kind == .abbreviation, followedByDot, rules.dottedAbbreviations.contains(key) { return true }
        let shortCaps = words[span].contains { $0.token.isAllCaps && $0.range.count <= 4 && !$0.capsLine }
        if best.entry.kind == .abbreviation || text.count <= 2 || shortCaps {
            // Codes and very short words: only the abbreviations text uses for places (US, UK).
            return rules.abbreviations.contains(key)
        }
        if text.count == 3, !(exact && (best.entry.source == .curated || importance >= 0.6)) { return false }
        if rules.demonyms[key] != nil { return false }
        let ordinary = span.count == 1 ? rules.commonWords.contains(key) || rules.givenNames.contains(key)
            : key.split(separator: " ").allSatisfy { rules.commonWords.contains(String($0)) || rules.connectors.contains(String($0)) }
        // Part of a longer capitalized run that is no name ("South Ossetian", "East Bank"): only a place by its
        // own main name, and not an ordinary word.
        if partOfLongerRun, ordinary || !exact { return false }
        if ordinary {
            // An ordinary word: at the start of a sentence or in a headline only a country or capital by its
            // main name counts; mid-sentence, capitalized, a sizeable place by its main name.
            guard best.type == .exact else { return false }
            if first.sentenceInitial || first.capsLine || first.token.isUncased { return importance >= 0.92 }
            return importance >= 0.8
        }
        if first.capsLine, span.count == 1, !(exact && importance >= 0.7) { return false }
        if first.token.isUncased, span.count == 1 {
            return exact ? importance >= 0.55 || best.entry.source == .curated : importance >= 0.8
        }
        if !exact {
            // Another convention's spelling of one word: only for the places of the curated overlay (Cermuk,
            // Kelbecer) and major ones, not any village one vowel away from a person's name.
            return best.score >= 0.55 && (span.count > 1 || best.entry.source == .curated
                                          || (importance >= 0.85 && best.score >= 0.6))
        }
        return true
    }

    /// "Stijn Goris": a place name right after a capitalized word that is no place and no ordinary word is
    /// a surname.
    private func isSurname(_ mention: Found, at index: Int) -> Bool {
        guard index > 0, joins(words[index]), !words[index].sentenceInitial || index > 0 else { return false }
        let previous = words[index - 1]
        guard previous.token.isCapitalized, !previous.token.isAllCaps, !previous.sentenceInitial || rules.givenNames
            .contains(keys(index - 1).searchKey) else { return false }
        let key = keys(index - 1)
        if rules.commonWords.contains(key.searchKey) || rules.demonyms[key.searchKey] != nil
            || rules.titles.contains(key.searchKey) || rules.genericWords[key.searchKey] != nil {
            return false
        }
        if rules.givenNames.contains(key.searchKey) { return true }
        guard rules.firstWords.maximumWords(startingWith: key.matchKey) == 0 else { return false }
        // A major place keeps its name even after an unknown word ("Reuters Moscow").
        if let best = mention.candidates.first, Resolver.importance(of: best.entry) >= 0.85 { return false }
        return true
    }

    /// A single inflected word: "Горисе", "İrəvandan", "Գորիսում", "თბილისში".
    private func inflectedMatch(at index: Int) -> Found? {
        let word = words[index]
        let wordKeys = keys(index)
        guard let endings = rules.inflections[wordKeys.script] else { return nil }
        // An ordinary word or a given name is no inflected place ("State" is not "Stat" in the dative).
        if rules.commonWords.contains(wordKeys.searchKey) || rules.givenNames.contains(wordKeys.searchKey) {
            return nil
        }
        let surface = text(word.range)
        let lower = Array(surface.lowercased().unicodeScalars)
        // Stems of at least four letters in Latin script, where the endings are short and English words
        // end in them too; three elsewhere.
        let shortestStem = wordKeys.script == "Latn" ? 4 : 3
        for inflection in endings where lower.count >= inflection.scalars.count + shortestStem
            && lower.suffix(inflection.scalars.count).elementsEqual(inflection.scalars) {
            let stem = String(String.UnicodeScalarView(surface.unicodeScalars.dropLast(inflection.scalars.count)))
                + inflection.restore
            let stemKeys = normalizer.keys(for: stem)
            // Most stems begin no name at all: ask the index of first words before the gazetteer.
            guard rules.firstWords.maximumWords(startingWith: stemKeys.matchKey) > 0,
                  !rules.commonWords.contains(stemKeys.searchKey) else { continue }
            let candidates = lookup(stem)
            guard let best = candidates.first, best.type == .exact || best.type == .alias,
                  Resolver.importance(of: best.entry) >= 0.6 || best.entry.source == .curated else { continue }
            return Found(range: word.range, candidates: candidates)
        }
        return nil
    }

    /// "Xyz district", "Xyz village": a place by its generic word, even when the gazetteer lacks it.
    private func genericRecognition(at index: Int) -> (Found, Int)? {
        var end = index
        while end + 1 < words.count, joins(words[end + 1]), words[end + 1].token.isCapitalized, end - index < 2 {
            end += 1
        }
        guard end + 1 < words.count, joins(words[end + 1]) else { return nil }
        let generic = keys(end + 1).searchKey
        guard rules.genericWords[generic] != nil, !words[end + 1].token.isCapitalized || end > index else { return nil }
        for position in index...end {
            let key = keys(position).searchKey
            if rules.commonWords.contains(key) || rules.givenNames.contains(key) || rules.demonyms[key] != nil {
                return nil
            }
        }
        return (Found(range: words[index].range.lowerBound..<words[end].range.upperBound, candidates: [],
                      unresolved: true), end)
    }

    /// "American", "Russian": the country, when demonyms count as mentions.
    private func demonymMention(at index: Int) -> Found? {
        guard let country = rules.demonyms[keys(index).searchKey] else { return nil }
        let candidates = lookup(country).filter { Resolver.importance(of: $0.entry) >= 1.0 && $0.entry.countryCode == country }
        guard !candidates.isEmpty else { return nil }
        return Found(range: words[index].range, candidates: candidates, demonym: true)
    }
}
