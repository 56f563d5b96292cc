import GazetteerStore
import Normalization
import Synchronization
import SystemICU

/// What annotation needs to know about one word, looked up once per distinct word: a corpus repeats its
/// words, and detection asks about each several times (is it a given name, a title, an ordinary word, the
/// first word of some place name?). A class, so that handing one around copies a reference, not its
/// strings.
final class WordFacts: Sendable {
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let common = Roles(rawValue: 1 << 0)
        static let givenName = Roles(rawValue: 1 << 1)
        /// The last word of some title ("minister" of "foreign minister").
        static let titleEnding = Roles(rawValue: 1 << 2)
        /// A title by itself ("President").
        static let title = Roles(rawValue: 1 << 3)
        static let connector = Roles(rawValue: 1 << 4)
        static let streetWord = Roles(rawValue: 1 << 5)
        static let generic = Roles(rawValue: 1 << 6)
        static let surname = Roles(rawValue: 1 << 7)
        /// Begins place names with a dot after it ("St" of "St. Louis").
        static let nameAbbreviation = Roles(rawValue: 1 << 8)
        /// A patronymic ("Викторович"): after a capitalized word, a person's name.
        static let patronymic = Roles(rawValue: 1 << 9)
        /// A maker's name ("Jeep", "Mercedes"): the capitalized words after it name a product.
        static let brand = Roles(rawValue: 1 << 10)
        /// A word for a family ("family", "ailesi"): a name before it is a surname.
        static let familyWord = Roles(rawValue: 1 << 11)
        /// A verb of speech ("said", "заявил"): a surname before it is the speaker.
        static let speechVerb = Roles(rawValue: 1 << 12)
        /// A word for "and": two surnames joined by one are a pair of people.
        static let conjunction = Roles(rawValue: 1 << 13)
    }

    /// The word as written, in UTF-16, to confirm a lookup by hash.
    let units: [UInt16]
    let keys: NameKeys
    let roles: Roles
    /// The country a nationality adjective stands for ("Armenian" → AM).
    let demonymCountry: String?
    /// The most words a place name starting with this word has; 0 when none starts with it.
    let longestName: Int

    init(units: [UInt16], keys: NameKeys, roles: Roles, demonymCountry: String?, longestName: Int) {
        self.units = units
        self.keys = keys
        self.roles = roles
        self.demonymCountry = demonymCountry
        self.longestName = longestName
    }
}

extension WordFacts {
    /// Words longer than this many UTF-16 code units begin no place name: the longest one-word names known
    /// have under a hundred letters. Without this bound a word of a million letters would have its keys
    /// computed once as written and once more per case ending tried.
    static let longestWord = 256

    /// The facts of a word longer than ``longestWord``: no roles and no names, with empty keys.
    static func overlong(_ units: [UInt16]) -> WordFacts {
        WordFacts(units: units, keys: NameKeys(display: "", script: "Zzzz", searchKey: "", matchKey: ""), roles: [],
                  demonymCountry: nil, longestName: 0)
    }
}

/// The roles the word lists give a search key, merged into one table when an annotator is made: a new word
/// costs one probe of it (and of the three large lexicon categories, kept as hashes) instead of one per list.
struct WordRoles: Sendable {
    private struct Entry: Sendable {
        var roles: WordFacts.Roles = []
        var demonymCountry: String?
    }

    private let lists: [String: Entry]
    private let commonWords: LexiconWords
    private let givenNames: LexiconWords
    private let surnames: LexiconWords
    private let firstWords: FirstWordIndex

    init(_ rules: AnnotationRules) {
        var lists: [String: Entry] = [:]
        func add(_ keys: some Sequence<String>, _ role: WordFacts.Roles) {
            for key in keys { lists[key, default: Entry()].roles.insert(role) }
        }
        add(rules.brands, .brand)
        add(rules.familyWords, .familyWord)
        add(rules.speechVerbs, .speechVerb)
        add(rules.conjunctions, .conjunction)
        add(rules.nameAbbreviations, .nameAbbreviation)
        add(rules.titleEndings, .titleEnding)
        add(rules.titles, .title)
        add(rules.connectors, .connector)
        add(rules.streetWords, .streetWord)
        add(rules.genericWords.keys, .generic)
        for (key, country) in rules.demonyms { lists[key, default: Entry()].demonymCountry = country }
        self.lists = lists
        commonWords = rules.commonWords
        givenNames = rules.givenNames
        surnames = rules.surnames
        firstWords = rules.firstWords
    }

    /// The facts of the word `units`, whose keys are `keys`; `lexicon` answers whether a category of the
    /// database's lexicon has a search key (asked only of Cyrillic words, for the Russian person names).
    func facts(of units: [UInt16], keys: NameKeys, lexicon: (AnnotationRules.RussianPersonNames, String) -> Bool) -> WordFacts {
        let key = keys.searchKey
        let listed = lists[key]
        var roles = listed?.roles ?? []
        if commonWords.contains(key) { roles.insert(.common) }
        if givenNames.contains(key) { roles.insert(.givenName) }
        if surnames.contains(key) { roles.insert(.surname) }
        if keys.script == "Cyrl", !key.isEmpty {
            if lexicon(.givenName, key) { roles.insert(.givenName) }
            if lexicon(.patronymic, key) { roles.insert(.patronymic) }
            if lexicon(.surname, key) { roles.insert(.surname) }
        }
        return WordFacts(units: units, keys: keys, roles: roles, demonymCountry: listed?.demonymCountry,
                         longestName: firstWords.maximumWords(startingWith: keys.matchKey))
    }
}

/// Word facts by the word's UTF-16 text, found by a hash of the text without building a string: nearly
/// every lookup is of a word seen before. Safe to share between tasks; a full table is simply emptied.
final class WordFactsTable: Sendable {
    private let table = Mutex<[UInt64: WordFacts]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The facts of `word`, computed from its text on a miss.
    func facts(of word: UnsafeBufferPointer<UInt16>, compute: ([UInt16]) -> WordFacts) -> WordFacts {
        if word.count > WordFacts.longestWord { return WordFacts.overlong(Array(word)) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in word { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        if let facts = table.withLock({ $0[hash] }), facts.units.elementsEqual(word) { return facts }
        let facts = compute(Array(word))
        table.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[hash] = facts
        }
        return facts
    }
}
