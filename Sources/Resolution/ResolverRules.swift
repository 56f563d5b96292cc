import Foundation
import Normalization
import SystemICU

/// The data that shapes how queries are read, loaded from `Gazetteer/`:
///
/// - `rules/generic-words.tsv`: words such as district, lake, город, rayonu, մարզ around names;
/// - `rules/adjective-endings.tsv`: adjective endings generic words call for (Кельбаджарский район);
/// - `rules/script-endings.tsv`: endings a language puts on every name (Georgian -i);
/// - `rules/qualifier-codes.tsv`: qualifiers such as USA and UK after a comma;
/// - `rules/readings.tsv`: other readings of a Latin query and the letters that call for each: the ISO and
///   GOST conventions (c as ts, `reading-key.txt`), ISO 9985, Hübschmann-Meillet and ISO 9984 (j as dz, ł as gh,
///   `armenian-georgian-reading.txt`);
/// - `rules/letter-spellings.tsv`: how another alphabet writes some letters of names (Azerbaijani ə as e).
///
/// (Ordinary words, which need more than a distant spelling match, are in the database: see
/// `LookupConnection.isCommonWord(_:)`.)
public struct ResolverRules: Sendable {
    /// A generic word, as search-key words, where it stands and the feature it names.
    package struct GenericWord: Sendable, Hashable {
        package enum Position: String, Sendable { case before, after, either }
        public var words: [String]
        package var position: Position
        package var feature: FeatureFilter
    }

    package var genericWords: [GenericWord]
    /// The first and last words of every generic word: a name that starts and ends with none of them has
    /// no generic word to remove.
    package var genericEdgeWords: Set<String>
    /// Qualifier (upper-cased) → country and optional admin1 code.
    package var qualifierCodes: [String: (country: String, admin1: String?)]
    /// Adjective and genitive endings (search-key form) to try removing after a generic word.
    public var adjectiveEndings: [String]
    /// Endings to try removing from any query in a script (ISO 15924 code → endings).
    package var scriptEndings: [String: [String]]
    /// Other readings of a Latin query, in the order they are tried.
    package var readings: [QueryReading]
    /// How another alphabet writes some letters of names: a query so spelling a name is that name.
    package var letterSpellings: LetterSpellings

    /// Loads the rules from the data folder `directory` (the `Gazetteer/` folder), computing each word's
    /// search key with `normalizer`.
    /// - Throws: ``RuleError`` naming the file and line of a malformed row.
    public init(directory: URL, normalizer: NameNormalizer) throws(RuleError) {
        let rules = directory.appendingPathComponent("rules")
        let generic = try RuleTable(path: rules.appendingPathComponent("generic-words.tsv").path, columns: 3)
        var words: [GenericWord] = []
        for row in generic.rows {
            guard let position = GenericWord.Position(rawValue: row.cells[1]) else {
                throw RuleError(file: generic.path, line: row.line, reason: "where must be before, after or either")
            }
            guard let feature = FeatureFilter(row.cells[2]) else {
                throw RuleError(file: generic.path, line: row.line, reason: "'\(row.cells[2])' is not CLASS or CLASS.CODE")
            }
            let key = normalizer.searchKey(row.cells[0])
            guard !key.isEmpty else {
                throw RuleError(file: generic.path, line: row.line, reason: "the word has no letters")
            }
            words.append(GenericWord(words: key.split(separator: " ").map(String.init), position: position,
                                     feature: feature))
        }
        // Longer generic phrases first: "baraj gölü" before "gölü".
        genericWords = words.sorted { $0.words.count > $1.words.count }
        genericEdgeWords = Set(words.flatMap { [$0.words.first!, $0.words.last!] })

        let endings = try RuleTable(path: rules.appendingPathComponent("adjective-endings.tsv").path, columns: 1)
        adjectiveEndings = endings.rows.map { RuleTable.trimmed($0.cells[0]) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }

        let scriptTable = try RuleTable(path: rules.appendingPathComponent("script-endings.tsv").path, columns: 2)
        var scriptEndings: [String: [String]] = [:]
        for row in scriptTable.rows { scriptEndings[row.cells[0], default: []].append(row.cells[1]) }
        self.scriptEndings = scriptEndings

        let codes = try RuleTable(path: rules.appendingPathComponent("qualifier-codes.tsv").path, columns: 2)
        var qualifierCodes: [String: (String, String?)] = [:]
        for row in codes.rows {
            let admin1 = row.cells.count > 2 ? RuleTable.trimmed(row.cells[2]) : ""
            qualifierCodes[row.cells[0].uppercased()] = (row.cells[1], admin1.isEmpty ? nil : admin1)
        }
        self.qualifierCodes = qualifierCodes

        readings = try QueryReading.load(from: rules, normalizer: normalizer)
        letterSpellings = try LetterSpellings.load(from: rules)
    }

    /// The rules in the default data folder.
    public init(normalizer: NameNormalizer) throws(RuleError) {
        try self.init(directory: DataDirectory.resolve(), normalizer: normalizer)
    }
}
