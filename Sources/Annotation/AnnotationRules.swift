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
    /// Titles before a person's name, as search keys (one or more words).
    public var titles: Set<String>
    /// Demonym (search key) → country code.
    public var demonyms: [String: String]
    /// Abbreviations that may stand for a place in text (US, U.S., UK): the only short codes accepted.
    public var abbreviations: Set<String>
    /// Abbreviations that stand for places when a dot follows them ("Kan.", "Ga."): search keys.
    public var dottedAbbreviations: Set<String>
    /// Words after which a place name is part of a street's name ("Dublin Road").
    public var streetWords: Set<String>
    /// Words that join the parts of a name: "of" (Republic of Armenia), "and" (Bosnia and Herzegovina).
    public var connectors: Set<String>
    /// Inflections by script (ISO 15924 code): the ending as written, and what to put back.
    public var inflections: [String: [(ending: String, restore: String)]]
    /// Search keys of generic words ("district", "village", "rayonu") and the feature each names.
    public var genericWords: [String: String]
    public let firstWords: FirstWordIndex

    public init(database: GazetteerDatabase, normalizer: NameNormalizer, dataDirectory: URL) throws {
        commonWords = Set(try database.lexicon("common").keys)
        givenNames = Set(try database.lexicon("given-name").keys)
        titles = Set(try database.lexicon("title").keys)
        demonyms = try database.lexicon("demonym")
        abbreviations = Set(try database.lexicon("abbreviation").keys)
        dottedAbbreviations = Set(try database.lexicon("dotted-abbreviation").keys)
        connectors = Set(try database.lexicon("connector").keys)
        streetWords = Set(try database.lexicon("street-word").keys)
        firstWords = try FirstWordIndex(database: database)

        let table = try RuleTable(path: dataDirectory.appendingPathComponent("annotation/inflections.tsv").path,
                                  columns: 2)
        var inflections: [String: [(String, String)]] = [:]
        for row in table.rows {
            let restore = row.cells.count > 2 ? row.cells[2] : ""
            inflections[row.cells[0], default: []].append((row.cells[1], restore))
        }
        self.inflections = inflections.mapValues { $0.sorted { $0.0.count > $1.0.count } }

        let generic = try RuleTable(path: dataDirectory.appendingPathComponent("rules/generic-words.tsv").path,
                                    columns: 3)
        var genericWords: [String: String] = [:]
        for row in generic.rows { genericWords[normalizer.searchKey(row.cells[0])] = row.cells[2] }
        self.genericWords = genericWords
    }
}
