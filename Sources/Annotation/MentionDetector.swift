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
        /// Also an ordinary word, a surname or a foreign name: a place only if the document's other places
        /// support it ("Mobile" in an article about Alabama, not "the Mobile unit" alone).
        var needsContext = false
    }

    /// How sure detection is that a span names a place.
    enum Acceptance {
        case sure
        case ifSupportedByContext
    }

    /// A word of the text, with what detection needs to know about it: sixteen bytes, so that a
    /// 20-megabyte document's words fit in tens of megabytes.
    struct Word {
        private var start: Int32
        private var end: Int32
        /// Where the text between the previous word and this one begins.
        private var gapStart: Int32
        private var flags: UInt8

        private static let capitalized: UInt8 = 1 << 0
        private static let allCaps: UInt8 = 1 << 1
        private static let uncased: UInt8 = 1 << 2
        private static let initial: UInt8 = 1 << 3
        private static let inCapsLine: UInt8 = 1 << 4
        private static let gluedFlag: UInt8 = 1 << 5

        init(token: Token, gapStart: Int, sentenceInitial: Bool, glued: Bool) {
            start = Int32(token.range.lowerBound)
            end = Int32(token.range.upperBound)
            self.gapStart = Int32(gapStart)
            flags = (token.isCapitalized ? Self.capitalized : 0) | (token.isAllCaps ? Self.allCaps : 0)
                | (token.isUncased ? Self.uncased : 0) | (sentenceInitial ? Self.initial : 0)
                | (glued ? Self.gluedFlag : 0)
        }

        var range: Range<Int> { Int(start)..<Int(end) }
        /// The text between the previous word and this one.
        var gap: Range<Int> { Int(gapStart)..<Int(start) }
        var isCapitalized: Bool { flags & Self.capitalized != 0 }
        var isAllCaps: Bool { flags & Self.allCaps != 0 }
        var isUncased: Bool { flags & Self.uncased != 0 }
        var sentenceInitial: Bool { flags & Self.initial != 0 }
        /// Part of a word glued to the previous part without a space.
        var glued: Bool { flags & Self.gluedFlag != 0 }
        /// On a line written in capitals (a headline): capitalization says nothing there.
        var capsLine: Bool {
            get { flags & Self.inCapsLine != 0 }
            set { flags = newValue ? flags | Self.inCapsLine : flags & ~Self.inCapsLine }
        }
    }

    let units: UnsafeBufferPointer<UInt16>
    let words: [Word]
    let rules: AnnotationRules
    let normalizer: NameNormalizer
    let options: AnnotateOptions
    /// The places a span's text may mean, without context.
    let lookup: (String) -> [Resolver.Candidate]
    /// The facts of a word, by its text.
    let wordFacts: (UnsafeBufferPointer<UInt16>) -> WordFacts
    /// People named in earlier windows of the same document, by search key.
    let earlierPeople: Set<String>
    private let memo: Memo

    /// What detection has learnt about each word: it asks about the same word many times.
    private final class Memo {
        var facts: [WordFacts?]
        /// Per word: not yet known (-2), no person's name starts here (-1), or the last word of the name.
        var personEnd: [Int32]
        /// The search keys of words used as people's names, once `detect()` has run.
        var people: Set<String> = []

        init(count: Int) {
            facts = Array(repeating: nil, count: count)
            personEnd = Array(repeating: -2, count: count)
        }
    }

    /// - Precondition: `units` has fewer than 2³¹ code units (word offsets are 32-bit).
    init(units: UnsafeBufferPointer<UInt16>, tokenizer: Tokenizer, rules: AnnotationRules, normalizer: NameNormalizer,
         options: AnnotateOptions, lookup: @escaping (String) -> [Resolver.Candidate],
         wordFacts: @escaping (UnsafeBufferPointer<UInt16>) -> WordFacts, earlierPeople: Set<String> = []) {
        self.units = units
        self.earlierPeople = earlierPeople
        self.rules = rules
        self.normalizer = normalizer
        self.options = options
        self.lookup = lookup
        self.wordFacts = wordFacts
        words = Self.words(of: units, tokenizer: tokenizer, wordFacts: wordFacts)
        memo = Memo(count: words.count)
    }

    func text(_ range: Range<Int>) -> String {
        UTF16Text.string(UnsafeBufferPointer(rebasing: units[range]))
    }

    func facts(_ index: Int) -> WordFacts {
        if let facts = memo.facts[index] { return facts }
        let facts = wordFacts(UnsafeBufferPointer(rebasing: units[words[index].range]))
        memo.facts[index] = facts
        return facts
    }

    func keys(_ index: Int) -> NameKeys {
        facts(index).keys
    }

    // MARK: Words

    private static func words(of units: UnsafeBufferPointer<UInt16>, tokenizer: Tokenizer,
                              wordFacts: (UnsafeBufferPointer<UInt16>) -> WordFacts) -> [Word] {
        var words: [Word] = []
        var previousEnd = 0
        var sentenceInitial = true
        var lineStart = 0
        func closeLine() {
            // A line of three or more cased words, most of them in capitals, is a headline.
            var cased = 0
            var caps = 0
            for word in words[lineStart...] where !word.isUncased {
                cased += 1
                if word.isAllCaps { caps += 1 }
            }
            if cased >= 3, Double(caps) >= 0.7 * Double(cased) {
                for index in lineStart..<words.count { words[index].capsLine = true }
            }
            lineStart = words.count
        }
        tokenizer.forEachToken(of: units) { token in
            switch token.kind {
            case .word:
                if let parts = split(token, units: units, wordFacts: wordFacts) {
                    for part in parts {
                        let first = part.range.lowerBound == token.range.lowerBound
                        words.append(Word(token: part, gapStart: first ? previousEnd : part.range.lowerBound,
                                          sentenceInitial: sentenceInitial && first, glued: !first))
                    }
                } else {
                    words.append(Word(token: token, gapStart: previousEnd, sentenceInitial: sentenceInitial, glued: false))
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
        return words
    }

    /// The parts of a word glued from several ("səhifəPoliticsBaku"), split at its seams; nil for a word
    /// that is one, or that names start with whole ("DeKalb", "McAllen").
    private static func split(_ token: Token, units: UnsafeBufferPointer<UInt16>,
                              wordFacts: (UnsafeBufferPointer<UInt16>) -> WordFacts) -> [Token]? {
        guard token.hasSeams,
              wordFacts(UnsafeBufferPointer(rebasing: units[token.range])).longestName == 0
        else { return nil }
        var parts: [Token] = []
        var start = token.range.lowerBound
        for seam in Tokenizer.seams(of: token, in: units) + [token.range.upperBound] where seam > start {
            var part = Tokenizer.classify(start..<seam, in: units)
            part.hasSeams = false
            parts.append(part)
            start = seam
        }
        return parts
    }

    // MARK: Detection

    /// The search keys of the words this text (or an earlier window) uses as people's names, once
    /// ``detect()`` has run: the next window's `earlierPeople`.
    var people: Set<String> { memo.people }

    func detect() -> [Found] {
        let people = personWords()
        memo.people = Set(people.keys)
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
                // After an article names a person ("Chiquita Raquel Henry"), the surname alone is the person
                // ("Henry said"); before, it may still be the town ("Goris … Stijn Goris").
                if last == index, let named = people[keys(index).searchKey], named < index,
                   let best = mention.candidates.first, Resolver.importance(of: best.entry) < 0.9 {
                    continue
                }
                // "Dublin Road" is a street; "Florida Highway Patrol" still names Florida.
                if isStreet(after: last), let best = mention.candidates.first, Resolver.importance(of: best.entry) < 0.9 {
                    continue
                }
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

    /// Words the document uses as people's names, with where it first does: every capitalized word of a
    /// run after a title or a given name ("Chiquita Raquel Henry" makes a later "Henry" a person too).
    private func personWords() -> [String: Int] {
        // Named in an earlier window: before any word of this one.
        var people = Dictionary(uniqueKeysWithValues: earlierPeople.map { ($0, -1) })
        var index = 0
        while index < words.count {
            if isCandidateStart(words[index]), let end = personRun(at: index) {
                for position in index...end where !facts(position).roles.contains(.givenName) {
                    people[keys(position).searchKey] = people[keys(position).searchKey] ?? position
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
        return facts(last + 1).roles.contains(.streetWord)
    }

    private func isCandidateStart(_ word: Word) -> Bool {
        word.isCapitalized || word.isUncased || word.capsLine
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

    /// Whether word `index` follows an abbreviation of at most four letters and its dot ("St. Louis",
    /// "Gov. Smith"): a dot after a longer word ends a sentence.
    private func followsAbbreviation(_ index: Int) -> Bool {
        guard index > 0, !words[index].glued, words[index - 1].range.count <= 4 else { return false }
        let gap = words[index].gap
        return gap.count == 2 && units[gap.lowerBound] == 0x2E && (units[gap.lowerBound + 1] == 0x20 || units[gap.lowerBound + 1] == 0xA0)
    }

    /// The capitalized run starting at `index` when it is a person's name: after a title ("President
    /// Aliyev"), or a given name followed by another capitalized word ("Aram Torosyan").
    private func personRun(at index: Int) -> Int? {
        if memo.personEnd[index] == -2 { memo.personEnd[index] = Int32(computePersonRun(at: index) ?? -1) }
        return memo.personEnd[index] >= 0 ? Int(memo.personEnd[index]) : nil
    }

    private func computePersonRun(at index: Int) -> Int? {
        let isGivenName = facts(index).roles.contains(.givenName)
        // "Henry County", "Laurel Lake": a given name before a generic word names a place.
        let next = index + 1 < words.count && joins(words[index + 1]) && words[index + 1].isCapitalized
            && !facts(index + 1).roles.contains(.generic)
        let precededByTitle = !(isGivenName && next) && followsTitle(index)
        guard precededByTitle || (isGivenName && next) else { return nil }
        var end = index
        while end + 1 < words.count, joins(words[end + 1]), words[end + 1].isCapitalized, end - index < 3,
              !isInflectedPlace(end + 1) {
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
    private func namesPlace(_ index: Int) -> Bool {
        (longestName(at: index) ?? 0) > 0 || isInflectedPlace(index)
    }

    /// How many words the longest known name starting at `index` has, reading the word only up to an
    /// apostrophe ("Kalbajar's", "Hocalı'da"); nil for a contraction ("I’ve").
    private func longestName(at index: Int) -> Int? {
        let range = words[index].range
        guard let apostrophe = apostropheSplit(range) else { return facts(index).longestName }
        if apostrophe == range.lowerBound + 1 { return nil }
        return wordFacts(UnsafeBufferPointer(rebasing: units[range.lowerBound..<apostrophe])).longestName
    }

    /// A word that is no name as written but a place with a case ending: where a person's name stops
    /// ("Prezident İlham Əliyev Şuşada çıxış edib": Aliyev spoke in Shusha).
    private func isInflectedPlace(_ index: Int) -> Bool {
        facts(index).longestName == 0 && inflectedMatch(at: index) != nil
    }

    /// Whether the one to three words before `index` are a title ("President", "Secretary of State").
    private func followsTitle(_ index: Int) -> Bool {
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

    /// The longest run of words from `index` that the gazetteer knows.
    private func longestMatch(at index: Int) -> (Found, Int)? {
        guard let longest = longestName(at: index), longest > 0 else { return nil }
        // Words that may continue the name: joined by a space or hyphen (or a dot and space after "St"),
        // capitalized (or a connector followed by one).
        var ends: [Int] = [index]
        var position = index + 1
        while position < words.count, position - index < longest + 2,
              joins(words[position]) || followsAbbreviation(position) && facts(position - 1).roles.contains(.nameAbbreviation) {
            let word = words[position]
            if isCandidateStart(word) {
                ends.append(position)
            } else if facts(position).roles.contains(.connector), position + 1 < words.count,
                      joins(words[position + 1]), isCandidateStart(words[position + 1]) {
                // keep going: "Republic of Armenia", "Bosnia and Herzegovina"
            } else {
                break
            }
            position += 1
        }
        for end in ends.reversed() {
            let range = words[index].range.lowerBound..<words[end].range.upperBound
            var span = range
            var spanText = text(range)
            // "Armenia's", "Hocalı'da": the name stops at the apostrophe.
            if end == index, let apostrophe = apostropheSplit(range) {
                span = range.lowerBound..<apostrophe
                spanText = text(span)
            }
            var candidates = lookup(spanText)
            let dotted = span.upperBound < units.count && units[span.upperBound] == 0x2E
            // "Kan.", "D.C.": with its dot, an abbreviation of a state rather than a place called Kan.
            if dotted, rules.dottedAbbreviations.contains(normalizer.searchKey(spanText)) {
                let abbreviations = candidates.filter { $0.entry.kind == .abbreviation }
                if !abbreviations.isEmpty { candidates = abbreviations }
            }
            guard let best = candidates.first else { continue }
            guard let acceptance = accept(best, candidates: candidates, words: index...end, text: spanText,
                                          partOfLongerRun: end < ends.last!, followedByDot: dotted) else { continue }
            if dotted, best.entry.kind == .abbreviation { span = span.lowerBound..<span.upperBound + 1 }
            return (Found(range: span, candidates: candidates, needsContext: acceptance == .ifSupportedByContext), end)
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
                return letters >= 1 && letters <= 4 ? index : nil
            }
            letters += 1
            index -= 1
        }
        return nil
    }

    /// Whether a match is a place mention rather than an ordinary word, a person or a code; nil when not.
    private func accept(_ best: Resolver.Candidate, candidates: [Resolver.Candidate], words span: ClosedRange<Int>,
                        text: String, partOfLongerRun: Bool, followedByDot: Bool) -> Acceptance? {
        let first = words[span.lowerBound]
        let importance = Resolver.importance(of: best.entry)
        let exact = best.type == .exact || best.type == .alias
        let curated = best.entry.source == .curated
        guard best.score >= 0.45 else { return nil }
        let key = normalizer.searchKey(text)
        if best.entry.kind == .abbreviation, followedByDot, rules.dottedAbbreviations.contains(key) { return .sure }
        // Short words in capitals are mostly codes (NATO, OSCE), unless one is the main name of a capital or
        // country (BAKU, OSLO).
        let shortCaps = words[span].contains { $0.isAllCaps && $0.range.count <= 4 && !$0.capsLine }
            && !(span.count == 1 && words[span.lowerBound].range.count == 4 && best.type == .exact && importance >= 0.9)
        let length = text.unicodeScalars.count
        if best.entry.kind == .abbreviation || length <= 2 || shortCaps {
            // Codes and very short words: only the abbreviations text uses for places (US, UK).
            return rules.abbreviations.contains(key) ? .sure : nil
        }
        // Three letters: a main name or a curated one ("Zod"); other three-letter names are mostly codes
        // (SGT, GOV, INC).
        if length == 3, !(best.type == .exact && importance >= 0.6 || curated) { return nil }
        if rules.demonyms[key] != nil { return nil }
        let single = span.count == 1
        let roles = single ? facts(span.lowerBound).roles : []
        if roles.contains(.title) { return nil }
        // Several ordinary words make an ordinary phrase, unless one is a generic word ("Licking County",
        // "Mount Pleasant").
        let ordinary = single ? rules.commonWords.contains(key) || roles.contains(.givenName)
            : !words[span].indices.contains { facts($0).roles.contains(.generic) }
                && key.split(separator: " ").allSatisfy { rules.commonWords.contains(String($0)) || rules.connectors.contains(String($0)) }
        // Part of a longer capitalized run that is no name ("South Ossetian", "East Bank"): only a place by its
        // own main name, and not an ordinary word.
        if partOfLongerRun, ordinary || !exact { return nil }
        let major = importance >= 0.92
        if ordinary {
            // An ordinary word: at the start of a sentence or in a headline only a country or capital by its
            // main name counts; mid-sentence, capitalized, a sizeable place by its main name if the rest of
            // the article supports it.
            guard best.type == .exact else { return nil }
            if major { return .sure }
            if first.sentenceInitial || first.capsLine || first.isUncased { return nil }
            return importance >= 0.7 ? .ifSupportedByContext : nil
        }
        if first.capsLine, single, !(exact && importance >= 0.7) { return nil }
        if first.isUncased, single {
            return (exact ? importance >= 0.55 || curated : importance >= 0.8) ? .sure : nil
        }
        if !exact {
            // Another convention's spelling of one word: only for the places of the curated overlay (Cermuk,
            // Kelbecer) and major ones, not any village one vowel away from a person's name.
            let accepted = best.score >= 0.55 && (span.count > 1 || curated || (importance >= 0.85 && best.score >= 0.6))
            return accepted ? .sure : nil
        }
        // A lone surname ("Johnson", "Lincoln"), or a place's name in some other language that English uses
        // for something else ("Hamas" is a name of Hamm): a person or a thing unless the article is about
        // the place's surroundings.
        if single, !major, !curated,
           roles.contains(.surname) && importance < 0.8 || best.type == .alias && best.entry.languageTag != "en" {
            return .ifSupportedByContext
        }
        return .sure
    }

    /// "Stijn Goris": a place name right after a capitalized word that is no place and no ordinary word is
    /// a surname.
    private func isSurname(_ mention: Found, at index: Int) -> Bool {
        guard index > 0, joins(words[index]), !words[index].sentenceInitial || index > 0 else { return false }
        let previous = words[index - 1]
        let facts = facts(index - 1)
        guard previous.isCapitalized, !previous.isAllCaps,
              !previous.sentenceInitial || facts.roles.contains(.givenName) else { return false }
        if !facts.roles.isDisjoint(with: [.common, .title, .generic]) || facts.demonymCountry != nil { return false }
        if facts.roles.contains(.givenName) { return true }
        guard !namesPlace(index - 1) else { return false }
        // A major place keeps its name even after an unknown word ("Reuters Moscow").
        if let best = mention.candidates.first, Resolver.importance(of: best.entry) >= 0.85 { return false }
        return true
    }

    /// A single inflected word: "Горисе", "İrəvandan", "Գորիսում", "თბილისში". Every ending that leaves a
    /// known name adds its places, because one form can be two words' (Шушу is Шуша's accusative and would be
    /// a Шуш's dative): the document's context chooses.
    private func inflectedMatch(at index: Int) -> Found? {
        let word = words[index]
        let wordFacts = facts(index)
        guard let endings = rules.inflections[wordFacts.keys.script] else { return nil }
        // An ordinary word or a given name is no inflected place ("State" is not "Stat" in the dative).
        if !wordFacts.roles.isDisjoint(with: [.common, .givenName]) { return nil }
        let surface = text(word.range)
        let lower = Array(surface.lowercased().unicodeScalars)
        // Stems of at least four letters in Latin script, where the endings are short and English words
        // end in them too; three elsewhere.
        let shortestStem = wordFacts.keys.script == "Latn" ? 4 : 3
        var readings: [Resolver.Candidate] = []
        for inflection in endings where lower.count >= inflection.scalars.count + shortestStem
            && lower.suffix(inflection.scalars.count).elementsEqual(inflection.scalars) {
            let stem = String(String.UnicodeScalarView(surface.unicodeScalars.dropLast(inflection.scalars.count)))
                + inflection.restore
            let stemFacts = Array(stem.utf16).withUnsafeBufferPointer { self.wordFacts($0) }
            // Most stems begin no name at all: ask the index of first words before the gazetteer.
            guard stemFacts.longestName > 0, !stemFacts.roles.contains(.common) else { continue }
            let candidates = lookup(stem)
            guard let best = candidates.first, best.type == .exact || best.type == .alias,
                  Resolver.importance(of: best.entry) >= 0.6 || best.entry.source == .curated else { continue }
            readings += candidates
        }
        guard !readings.isEmpty else { return nil }
        var seen = Set<Int64>()
        let candidates = readings.sorted { $0.score > $1.score }.filter { seen.insert($0.entry.pid).inserted }
        return Found(range: word.range, candidates: candidates)
    }

    /// "Xyz district", "Xyz village": a place by its generic word, even when the gazetteer lacks it.
    private func genericRecognition(at index: Int) -> (Found, Int)? {
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
                      unresolved: true), end)
    }

    /// "American", "Russian": the country, when demonyms count as mentions.
    private func demonymMention(at index: Int) -> Found? {
        guard let country = facts(index).demonymCountry else { return nil }
        let candidates = lookup(country).filter { Resolver.importance(of: $0.entry) >= 1.0 && $0.entry.countryCode == country }
        guard !candidates.isEmpty else { return nil }
        return Found(range: words[index].range, candidates: candidates, demonym: true)
    }
}
