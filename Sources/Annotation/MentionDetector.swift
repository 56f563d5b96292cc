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
        /// Why the span was taken for a place name.
        var reasons: [Mention.Reason] = [.name]
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
    let memo: Memo

    /// What detection has learnt about each word: it asks about the same word many times.
    /// Its per-word tables are buffers, not arrays: detection reads them half a million times in a corpus, and
    /// each access to an array held in a class's `var` pays a run-time exclusivity check.
    final class Memo {
        let facts: UnsafeMutableBufferPointer<WordFacts?>
        /// Per word: not yet known (-2), no person's name starts here (-1), or the last word of the name.
        let personEnd: UnsafeMutableBufferPointer<Int32>
        /// The last word read with its endings, and what it gave: a person's run asks about the word after it,
        /// and detection about the same word next. One entry, so that a long document costs no memory here.
        var inflected: (index: Int, found: Found?)?
        /// The search keys of words used as people's names, once `detect()` has run.
        var people: Set<String> = []

        init(count: Int) {
            facts = .allocate(capacity: count)
            facts.initialize(repeating: nil)
            personEnd = .allocate(capacity: count)
            personEnd.initialize(repeating: -2)
        }

        deinit {
            facts.deinitialize()
            facts.deallocate()
            personEnd.deallocate()
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

    /// The facts of a word that is not one of the text's: a stem, or a form read off an ending.
    func facts(of word: String) -> WordFacts {
        Array(word.utf16).withUnsafeBufferPointer { wordFacts($0) }
    }

    func keys(_ index: Int) -> NameKeys {
        facts(index).keys
    }

    // MARK: Detection

    /// The search keys of the words this text (or an earlier window) uses as people's names, once
    /// ``detect()`` has run: the next window's `earlierPeople`.
    var people: Set<String> { memo.people }

    func detect() -> [Found] {
        var people = personWords()
        defer { memo.people = Set(people.keys) }
        var found: [Found] = []
        var index = 0
        var skipUntil = -1
        while index < words.count {
            defer { index += 1 }
            guard index > skipUntil else { continue }
            let word = words[index]
            guard isCandidateStart(word) else { continue }
            if let (mention, last) = streetRecognition(at: index) {
                found.append(mention)
                skipUntil = last
                continue
            }
            if let personEnd = personRun(at: index) {
                skipUntil = personEnd
                continue
            }
            if let (mention, last) = abbreviationMatch(at: index) {
                found.append(mention)
                skipUntil = last
                continue
            }
            if let productEnd = productRun(at: index) {
                skipUntil = productEnd
                continue
            }
            // "United Russia" is a party, "Sri Lankan" an adjective: neither names the place inside it.
            if let organisationEnd = phraseEnd(at: index, in: rules.organisationNames) {
                skipUntil = organisationEnd
                continue
            }
            if let (mention, last) = demonymPhrase(at: index) {
                if let mention { found.append(mention) }
                skipUntil = last
                continue
            }
            if var (mention, last) = longestMatch(at: index) {
                if last == index, let inflected = preferredInflection(over: mention, at: index) { mention = inflected }
                if isSurname(mention, at: index) {
                    // "Nakishia Sullivan … Sullivan pulled a box cutter": the surname stands for the person
                    // later in the article too.
                    // Not after a hyphen: "Chabad-Shadyside" is an organisation's branch, not a person.
                    if last == index, !hyphenated(index) {
                        people[keys(index).searchKey] = people[keys(index).searchKey] ?? index
                    }
                    continue
                }
                // After an article names a person ("Chiquita Raquel Henry"), the surname alone is the person
                // ("Henry said"); before, it may still be the town ("Goris … Stijn Goris").
                if last == index, let named = people[keys(index).searchKey], named < index,
                   let best = mention.candidates.first, Resolver.importance(of: best.entry) < 0.9 {
                    continue
                }
                // "The Kennedy family", "Kennedy ailesi": a surname before a word for a family is the family.
                if last == index, followedByFamilyWord(index), let best = mention.candidates.first,
                   Resolver.importance(of: best.entry) < 0.92 {
                    continue
                }
                // "Douglas said", "according to Taylor", "Stevens & Wilkinson", "St. Patrick's Day": a person, a firm
                // or a saint; a major place keeps its name.
                if last == index, isSpeaker(mention, at: index) { continue }
                // "Tyler Zilverberg" is a person, "Jackson Township" a place: the article's other places decide.
                if last == index, isGivenNameBeforeUnknown(mention, at: index) { mention.needsContext = true }
                if last == index, isInFirmName(index) || followsSaint(index), let best = mention.candidates.first,
                   Resolver.importance(of: best.entry) < 0.92 {
                    continue
                }
                // "Lincoln ve Washington hakkında bir kitap": a pair of surnames is a pair of people unless the
                // article's other places make them places.
                if last == index, isPairedSurname(mention, at: index) { mention.needsContext = true }
                // "Dublin Road" is a street; "Florida Highway Patrol" still names Florida, and the "Goris-Stepanakert
                // road" both its ends.
                if isStreet(after: last), !hyphenated(index), let best = mention.candidates.first, Resolver.importance(of: best.entry) < 0.9 {
                    continue
                }
                found.append(mention)
                skipUntil = last
                continue
            }
            if let (mention, last) = agreeingRun(at: index) {
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
            if let (mention, last) = sovietRepublic(at: index) {
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

    func isCandidateStart(_ word: Word) -> Bool {
        word.isCapitalized || word.isUncased || word.capsLine
    }

    /// Whether the gap between two words keeps them in one name: a single space or hyphen.
    func joins(_ word: Word) -> Bool {
        if word.glued { return false }
        let gap = word.gap
        guard gap.count == 1 else { return false }
        switch units[gap.lowerBound] {
        case 0x20, 0xA0, 0x2D, 0x2010, 0x2011, 0x2013: return true
        default: return false
        }
    }

    /// Whether word `index` is joined to the one before by a hyphen alone.
    func hyphenated(_ index: Int) -> Bool {
        guard index < words.count, !words[index].glued, words[index].gap.count == 1 else { return false }
        switch units[words[index].gap.lowerBound] {
        case 0x2D, 0x2010, 0x2011, 0x2013: return true
        default: return false
        }
    }

    /// Whether word `index` follows an abbreviation of at most four letters and its dot ("St. Louis",
    /// "Gov. Smith"): a dot after a longer word ends a sentence.
    func followsAbbreviation(_ index: Int) -> Bool {
        guard index > 0, !words[index].glued, words[index - 1].range.count <= 4 else { return false }
        let gap = words[index].gap
        return gap.count == 2 && units[gap.lowerBound] == 0x2E && (units[gap.lowerBound + 1] == 0x20 || units[gap.lowerBound + 1] == 0xA0)
    }

    /// The longest run of words from `index` that the gazetteer knows.
    func longestMatch(at index: Int) -> (Found, Int)? {
        guard let longest = longestName(at: index), longest > 0 else { return nil }
        if longest >= 2, let match = lowerCaseTail(at: index, longest: longest) { return match }
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
            var reasons: [Mention.Reason] = [.name]
            // "Վայոց ձորի", "Göyçə gölünün": a name of several words with an ending on the last.
            if candidates.isEmpty, end > index, end - index < longest, let (stemmed, stem) = inflectedRun(from: index, to: end) {
                candidates = stemmed
                reasons = [.inflection(stem: stem)]
            }
            let dotted = span.upperBound < units.count && units[span.upperBound] == 0x2E
            // "Kan.", "D.C.": with its dot, an abbreviation of a state rather than a place called Kan.
            if dotted, rules.dottedAbbreviations.contains(normalizer.searchKey(spanText)) {
                let abbreviations = candidates.filter { $0.entry.kind == .abbreviation }
                if !abbreviations.isEmpty { candidates = abbreviations }
            }
            guard let best = candidates.first else { continue }
            // "Goris-Stepanakert", "Tegh-Kornidzor": a route names two places; the first is no part of a longer
            // name.
            let partOfLongerRun = end < ends.last! && !hyphenated(end + 1)
            guard let acceptance = accept(best, candidates: candidates, words: index...end, text: spanText,
                                          partOfLongerRun: partOfLongerRun, followedByDot: dotted) else { continue }
            if dotted, best.entry.kind == .abbreviation { span = span.lowerBound..<span.upperBound + 1 }
            return (Found(range: span, candidates: candidates, needsContext: acceptance == .ifSupportedByContext,
                          reasons: reasons), end)
        }
        return nil
    }

    /// Whether a match is a place mention rather than an ordinary word, a person or a code; nil when not.
    func accept(_ best: Resolver.Candidate, candidates: [Resolver.Candidate], words span: ClosedRange<Int>,
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
        // "Obama's town hall": the surname's roles, not those of the word with its ending.
        let roles = single ? factsBeforeApostrophe(span.lowerBound).roles : []
        if !roles.isDisjoint(with: [.title, .brand, .patronymic]) { return nil }
        // Several ordinary words make an ordinary phrase, unless one is a generic word ("Licking County",
        // "Mount Pleasant").
        // A phrase of the lists ("City Council", "Tri-State") is ordinary as a whole.
        let ordinary = single ? rules.commonWords.contains(key) || roles.contains(.givenName)
            : rules.commonWords.contains(key) || !words[span].indices.contains { facts($0).roles.contains(.generic) }
                && key.split(separator: " ").allSatisfy { rules.commonWords.contains(String($0)) || rules.connectors.contains(String($0)) }
        // A phrase of the lists as a whole ("City Park", "City Council") names no place, though a town has a
        // park or neighbourhood of that name.
        if !single, rules.commonWords.contains(key) { return nil }
        // Part of a longer capitalized run that is no name ("South Ossetian", "East Bank"): only a place by its
        // own main name, and not an ordinary word.
        if partOfLongerRun, ordinary || !exact { return nil }
        let major = importance >= 0.92
        // "City Council", "City Park": ordinary words whose reading drops one as a generic word ("Council", Idaho).
        if ordinary, !single, best.feature != nil { return nil }
        if ordinary {
            // An ordinary word: at the start of a sentence or in a headline only a country or capital by its
            // main name counts; mid-sentence, capitalized, a sizeable place by its main name if the rest of
            // the article supports it.
            // The place's own name in the text's language: "Man" is a Persian name of Oman and a Sorbian one of
            // the Isle of Man, which no English sentence means.
            guard best.type == .exact, isLocalName(best.entry, of: span.lowerBound) else { return nil }
            if major { return .sure }
            if first.sentenceInitial || first.capsLine || first.isUncased { return nil }
            // A town named by ordinary words ("East Bank", West Virginia) among the article's other places.
            return importance >= 0.7 || !single ? .ifSupportedByContext : nil
        }
        if first.capsLine, single, !(exact && importance >= 0.7) { return nil }
        if first.isUncased, single {
            // Scripts without capitals give no sign of a name: every word is a candidate, so only strong
            // evidence counts (ქულა "point" is no Kula in Turkey).
            guard isPlausibleInUncasedScript(best, at: span.lowerBound) else { return nil }
            return (exact ? importance >= 0.55 || curated : importance >= 0.8) ? .sure : nil
        }
        if !exact {
            // Another convention's spelling of one word: only for the places of the curated overlay (Cermuk,
            // Kelbecer) and major ones, not any village one vowel away from a person's name; and a major one
            // only where the article's other places support it (Aghitu is no Egypt).
            guard best.score >= 0.55 && (span.count > 1 || curated || (importance >= 0.85 && best.score >= 0.6)) else {
                return nil
            }
            return span.count > 1 || curated ? .sure : .ifSupportedByContext
        }
        if single, isWeakAtSentenceStart(best.entry, at: span.lowerBound) { return .ifSupportedByContext }
        // A lone surname ("Johnson", "Lincoln"), or a place's name in some other language that English uses
        // for something else ("Hamas" is a name of Hamm): a person or a thing unless the article is about
        // the place's surroundings.
        if single, !major, !curated,
           roles.contains(.surname) && importance < 0.8 || best.type == .alias && best.entry.languageTag != "en" {
            return .ifSupportedByContext
        }
        return .sure
    }
}
