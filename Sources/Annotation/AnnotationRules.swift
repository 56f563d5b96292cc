import Foundation
import GazetteerStore
import Normalization

/// The word lists and rules that tell place names from other words in running text: from the database's
/// lexicon (ordinary words, given names, titles, demonyms, abbreviations) and from
/// `Gazetteer/annotation/inflections.tsv`.
public struct AnnotationRules: Sendable {
    /// Search keys of ordinary words, in any language.
    public var commonWords: Set<String>
    public var givenNames: Set<String>
    /// Frequent surnames: alone, they name people more often than their namesake towns.
    public var surnames: Set<String>
    /// Titles before a person's name, as search keys (one or more words).
    public var titles: Set<String> {
        didSet { titleEndings = Self.lastWords(of: titles) }
    }
    /// The last word of every title: most words are none, and only those need the whole title looked up.
    public private(set) var titleEndings: Set<String> = []
    /// Demonym (search key) → country code.
    public var demonyms: [String: String]
    /// Abbreviations that may stand for a place in text (US, U.S., UK): the only short codes accepted.
    public var abbreviations: Set<String>
    /// Abbreviations that stand for places when a dot follows them ("Kan.", "Ga."): search keys.
    public var dottedAbbreviations: Set<String>
    /// Abbreviations that begin place names, written with a dot ("St. Louis", "Mt. Pleasant").
    public var nameAbbreviations: Set<String>
    /// Words after which a place name is part of a street's name ("Dublin Road").
    public var streetWords: Set<String>
    /// Words that join the parts of a name: "of" (Republic of Armenia), "and" (Bosnia and Herzegovina).
    public var connectors: Set<String>
    /// Inflections by script (ISO 15924 code): the ending as written (lower case), and what to put back.
    public var inflections: [String: [Inflection]]
    /// Search keys of generic words ("district", "village", "rayonu") and the feature each names.
    public var genericWords: [String: String]
    public let firstWords: FirstWordIndex

    public init(database: GazetteerDatabase, normalizer: NameNormalizer, dataDirectory: URL) throws {
        commonWords = Set(try database.lexicon("common").keys)
        givenNames = Set(try database.lexicon("given-name").keys)
        surnames = Set(try database.lexicon("surname").keys)
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

        let generic = try RuleTable(path: dataDirectory.appendingPathComponent("rules/generic-words.tsv").path,
                                    columns: 3)
        var genericWords: [String: String] = [:]
        for row in generic.rows { genericWords[normalizer.searchKey(row.cells[0])] = row.cells[2] }
        self.genericWords = genericWords
    }

    /// A case ending or other inflection of a name.
    public struct Inflection: Sendable {
        public var ending: String
        /// What the name's nominative has in place of the ending (Georgian -ი), often nothing.
        public var restore: String
        /// The ending's scalars, to compare with a word's end without building strings.
        public let scalars: [Unicode.Scalar]

        public init(ending: String, restore: String) {
            self.ending = ending
            self.restore = restore
            scalars = Array(ending.unicodeScalars)
        }
    }

    private static func lastWords(of phrases: Set<String>) -> Set<String> {
        Set(phrases.compactMap { $0.split(separator: " ").last.map(String.init) })
    }
}
