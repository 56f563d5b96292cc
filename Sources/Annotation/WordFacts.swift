import Normalization

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
    }

    let keys: NameKeys
    let roles: Roles
    /// The country a nationality adjective stands for ("Armenian" → AM).
    let demonymCountry: String?
    /// The most words a place name starting with this word has; 0 when none starts with it.
    let longestName: Int

    init(keys: NameKeys, roles: Roles, demonymCountry: String?, longestName: Int) {
        self.keys = keys
        self.roles = roles
        self.demonymCountry = demonymCountry
        self.longestName = longestName
    }
}

extension AnnotationRules {
    /// The facts of a word with keys `keys`.
    func facts(of keys: NameKeys) -> WordFacts {
        let key = keys.searchKey
        var roles: WordFacts.Roles = []
        if commonWords.contains(key) { roles.insert(.common) }
        if givenNames.contains(key) { roles.insert(.givenName) }
        if surnames.contains(key) { roles.insert(.surname) }
        if nameAbbreviations.contains(key) { roles.insert(.nameAbbreviation) }
        if titleEndings.contains(key) { roles.insert(.titleEnding) }
        if titles.contains(key) { roles.insert(.title) }
        if connectors.contains(key) { roles.insert(.connector) }
        if streetWords.contains(key) { roles.insert(.streetWord) }
        if genericWords[key] != nil { roles.insert(.generic) }
        return WordFacts(keys: keys, roles: roles, demonymCountry: demonyms[key],
                         longestName: firstWords.maximumWords(startingWith: keys.matchKey))
    }
}
