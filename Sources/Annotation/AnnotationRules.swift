import Foundation
import GazetteerStore
import Normalization

/// The word lists and rules that tell place names from other words in running text: from the database's
/// lexicon (ordinary words, given names, titles, demonyms, abbreviations) and from the tables of
/// `Gazetteer/annotation/` (inflections, agreeing adjectives, abbreviations, organisations, streets).
public struct AnnotationRules: Sendable {
    /// Search keys of ordinary words, in any language.
    package var commonWords: LexiconWords
    /// Given names of the project's list (Latin, Cyrillic, Armenian and Georgian forms). The Russian lists
    /// from OpenCorpora are not here: see ``RussianPersonNames``.
    package var givenNames: LexiconWords
    /// Frequent surnames: alone, they name people more often than their namesake towns.
    package var surnames: LexiconWords
    /// Makers' names ("Jeep", "Mercedes"): what follows them is a product, not a place.
    package var brands: Set<String>
    /// Words for a family ("family", "ailesi", "семья"): the name before one is a surname.
    package var familyWords: Set<String>
    /// Verbs of speech ("said", "заявил", "dedi"): a surname before one is the person speaking.
    package var speechVerbs: Set<String>
    /// Words for "and" ("ve", "и", "և"): two surnames joined by one are two people unless the article supports
    /// them as places.
    package var conjunctions: Set<String>
    /// Titles before a person's name, as search keys (one or more words).
    package var titles: Set<String> {
        didSet { titleEndings = Self.lastWords(of: titles) }
    }
    /// The last word of every title: most words are none, and only those need the whole title looked up.
    package private(set) var titleEndings: Set<String> = []
    /// Demonym (search key) → country code.
    public var demonyms: [String: String]
    /// Abbreviations that may stand for a place in text (US, U.S., UK): the only short codes accepted.
    package var abbreviations: Set<String>
    /// Abbreviations of places as written (США, ՀՀ, ABŞ, "B.C."), with the places they stand for.
    package var placeAbbreviations: [String: [PlaceAbbreviation]]
    /// Abbreviations that stand for places when a dot follows them ("Kan.", "Ga."): search keys.
    package var dottedAbbreviations: Set<String>
    /// Abbreviations that begin place names, written with a dot ("St. Louis", "Mt. Pleasant").
    package var nameAbbreviations: Set<String>
    /// Words after which a place name is part of a street's name ("Dublin Road").
    package var streetWords: Set<String>
    /// Words that make a street's or road's name (search key): after a name ("Memphis Street"), before a number
    /// ("Highway 19"), or both.
    package var streetNames: [String: StreetName]
    /// The street words that are abbreviations and end with a dot ("St.", "Ave.").
    package var streetAbbreviations: Set<String>
    /// Organisations' names that hold a place name as a figure of speech ("United Russia", «Единая Россия»), from
    /// `Gazetteer/annotation/organisation-names.tsv`.
    package var organisationNames: PhraseIndex
    /// Nationality adjectives of several words ("Sri Lankan", "New Zealander"): "Lankan" alone is a village in
    /// Azerbaijan.
    package var demonymPhrases: PhraseIndex
    /// Words that join the parts of a name: "of" (Republic of Armenia), "and" (Bosnia and Herzegovina).
    package var connectors: Set<String>
    /// Inflections by script (ISO 15924 code): the ending as written (lower case), and what to put back.
    package var inflections: [String: [Inflection]]
    /// Adjective endings that agree with a name's noun, by script (ISO 15924 code), in the table's order; a
    /// script without rows has no agreeing adjectives.
    package var agreements: [String: [Agreement]]
    /// Search keys of generic words ("district", "village", "rayonu") and the feature each names.
    package var genericWords: [String: String]
    /// The generic words for administrative divisions ("county", "rayonu"): a name ending in one names a
    /// division as written.
    package var divisionWords: Set<String>
    package let firstWords: FirstWordIndex

    /// The lexicon categories of Russian given names, patronymics and surnames in every inflected form
    /// (OpenCorpora, about 200,000 forms): looked up in the database per distinct Cyrillic word, as a word is
    /// met, so that start-up reads none of them and text in other scripts never asks.
    package enum RussianPersonNames: String, CaseIterable, Sendable {
        case givenName = "given-name-ru"
        case patronymic = "patronymic-ru"
        case surname = "surname-ru"
    }

    public init(database: GazetteerDatabase, normalizer: NameNormalizer, dataDirectory: URL) throws {
        // The large categories come as hashes, read at once: building sets of their strings was a third of
        // the instructions of annotating 200 KB of news in a fresh process.
        commonWords = try database.lexiconWords("common")
        givenNames = try database.lexiconWords("given-name")
        surnames = try database.lexiconWords("surname")
        brands = Set(try database.lexicon("brand").keys)
        familyWords = Set(try database.lexicon("family-word").keys)
        speechVerbs = Set(try database.lexicon("speech-verb").keys)
        conjunctions = Set(try database.lexicon("conjunction").keys)
        titles = Set(try database.lexicon("title").keys)
        titleEndings = Self.lastWords(of: titles)
        demonyms = try database.lexicon("demonym")
        abbreviations = Set(try database.lexicon("abbreviation").keys)
        dottedAbbreviations = Set(try database.lexicon("dotted-abbreviation").keys)
        connectors = Set(try database.lexicon("connector").keys)
        streetWords = Set(try database.lexicon("street-word").keys)
        nameAbbreviations = Set(try database.lexicon("name-abbreviation").keys)
        firstWords = try FirstWordIndex(database: database)

        let table = try RuleTable(path: dataDirectory.appendingPathComponent("annotation/inflections.tsv").path,
                                  columns: 2)
        var inflections: [String: [Inflection]] = [:]
        for row in table.rows {
            let restore = row.cells.count > 2 ? row.cells[2] : ""
            inflections[row.cells[0], default: []].append(Inflection(ending: row.cells[1].lowercased(), restore: restore))
        }
        self.inflections = inflections.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }

        agreements = try Self.agreements(path: dataDirectory.appendingPathComponent("annotation/agreement.tsv").path)
        placeAbbreviations = try Self.placeAbbreviations(
            path: dataDirectory.appendingPathComponent("annotation/place-abbreviations.tsv").path)

        let generic = try RuleTable(path: dataDirectory.appendingPathComponent("rules/generic-words.tsv").path,
                                    columns: 3)
        var genericWords: [String: String] = [:]
        for row in generic.rows { genericWords[normalizer.searchKey(row.cells[0])] = row.cells[2] }
        self.genericWords = genericWords
        divisionWords = Set(genericWords.filter { $0.value == "A" }.keys)

        let organisations = try RuleTable(
            path: dataDirectory.appendingPathComponent("annotation/organisation-names.tsv").path, columns: 1)
        organisationNames = PhraseIndex(organisations.rows.map { normalizer.searchKey($0.cells[0]) })
        demonymPhrases = PhraseIndex(demonyms.keys)

        let streets = dataDirectory.appendingPathComponent("annotation/street-names.tsv").path
        var streetNames: [String: StreetName] = [:]
        var streetAbbreviations: Set<String> = []
        for row in try RuleTable(path: streets, columns: 2).rows {
            guard let place = StreetName(rawValue: row.cells[1]) else {
                throw RuleError(file: streets, line: row.line, reason: "where must be \"after-name\", \"before-number\" or "
                                + "\"both\", not \"\(row.cells[1])\"")
            }
            let key = normalizer.searchKey(row.cells[0])
            streetNames[key] = place
            if row.cells[0].hasSuffix(".") { streetAbbreviations.insert(key) }
        }
        self.streetNames = streetNames
        self.streetAbbreviations = streetAbbreviations
    }

    /// Phrases of several words, found by the search key of their first word.
    package struct PhraseIndex: Sendable {
        private var rests: [String: [[String]]] = [:]

        /// Indexes the phrases of several words among `keys` (search keys, words separated by spaces).
        init(_ keys: some Sequence<String>) {
            for key in keys {
                let words = key.split(separator: " ").map(String.init)
                guard words.count > 1 else { continue }
                rests[words[0], default: []].append(Array(words.dropFirst()))
            }
            rests = rests.mapValues { $0.sorted { $0.count > $1.count } }
        }

        /// The keys of the words after `first` in each phrase that begins with it, longest first.
        package func rests(after first: String) -> [[String]] {
            rests[first] ?? []
        }
    }

    /// Where a street word stands in a street's name.
    package enum StreetName: String, Sendable {
        case afterName = "after-name"
        case beforeNumber = "before-number"
        case both
    }

    /// A case ending or other inflection of a name.
    package struct Inflection: Sendable {
        package var ending: String
        /// What the name's nominative has in place of the ending (Georgian -ი), often nothing.
        package var restore: String
        /// The ending's scalars, to compare with a word's end without building strings.
        public let scalars: [Unicode.Scalar]

        public init(ending: String, restore: String) {
            self.ending = ending
            self.restore = restore
            scalars = Array(ending.unicodeScalars)
        }
    }

    /// An oblique ending of an adjective and the nominative endings it may stand for ("ом" of "Нагорном":
    /// "ый", "ий" …), each tried until a form begins a known name.
    package struct Agreement: Sendable, Equatable {
        package var oblique: String
        package var nominatives: [String]

        package init(oblique: String, nominatives: [String]) {
            self.oblique = oblique
            self.nominatives = nominatives
        }
    }

    /// An abbreviation that stands for a place in running text.
    package struct PlaceAbbreviation: Sendable {
        /// A name the resolver resolves to the place meant, its best reading ("United States", "Georgia, United
        /// States").
        public var place: String
        /// Only after a capitalized word and a comma, as postal codes of states are written ("Little Rock, AR").
        package var afterComma: Bool
    }

    /// Reads `abbreviation<TAB>place<TAB>language<TAB>where` rows.
    /// - Throws: ``RuleError`` naming the file and line of a row with too few cells or an unknown `where`.
    static func placeAbbreviations(path: String) throws -> [String: [PlaceAbbreviation]] {
        let table = try RuleTable(path: path, columns: 4)
        var abbreviations: [String: [PlaceAbbreviation]] = [:]
        for row in table.rows {
            guard row.cells[3] == "any" || row.cells[3] == "after-comma" else {
                throw RuleError(file: path, line: row.line,
                                reason: "where must be \"any\" or \"after-comma\", not \"\(row.cells[3])\"")
            }
            abbreviations[row.cells[0], default: []].append(
                PlaceAbbreviation(place: row.cells[1], afterComma: row.cells[3] == "after-comma"))
        }
        return abbreviations
    }

    /// Reads `script<TAB>oblique<TAB>nominatives` rows (nominative endings separated by spaces).
    /// - Throws: ``RuleError`` naming the file and line of a row with too few cells, a script that is no ISO
    ///   15924 code, or no nominative ending.
    package static func agreements(path: String) throws(RuleError) -> [String: [Agreement]] {
        var agreements: [String: [Agreement]] = [:]
        for row in try RuleTable(path: path, columns: 3).rows {
            let script = row.cells[0]
            guard script.count == 4, script.first?.isUppercase == true, script.allSatisfy(\.isASCII),
                  script.allSatisfy(\.isLetter) else {
                throw RuleError(file: path, line: row.line, reason: "script must be an ISO 15924 code such as Cyrl, not \"\(script)\"")
            }
            let nominatives = row.cells[2].split(separator: " ").map(String.init)
            guard !nominatives.isEmpty else {
                throw RuleError(file: path, line: row.line, reason: "no nominative ending for the oblique ending \"\(row.cells[1])\"")
            }
            agreements[script, default: []].append(Agreement(oblique: row.cells[1].lowercased(), nominatives: nominatives))
        }
        return agreements
    }

    private static func lastWords(of phrases: Set<String>) -> Set<String> {
        Set(phrases.compactMap { $0.split(separator: " ").last.map(String.init) })
    }
}
