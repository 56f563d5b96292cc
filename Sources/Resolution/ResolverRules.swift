import Foundation
import Normalization
import SystemICU

/// The data that shapes how queries are read, loaded from `Gazetteer/`:
///
/// - `rules/generic-words.tsv`: words such as district, lake, город, rayonu, մարզ around names;
/// - `rules/adjective-endings.tsv`: adjective endings generic words call for (Кельбаджарский район);
/// - `rules/script-endings.tsv`: endings a language puts on every name (Georgian -i);
/// - `rules/qualifier-codes.tsv`: qualifiers such as USA and UK after a comma;
/// - `rules/reading-key.txt`: another reading of a Latin query, in the ISO and GOST conventions (c as ts);
/// - `rules/armenian-georgian-reading.txt`: another, in ISO 9985 and Hübschmann-Meillet Armenian and ISO 9984
///   Georgian (j as dz, ł as gh).
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
    /// Rewrites a Latin query's search key as the ISO and GOST conventions read its letters.
    package var readingKey: Transliterator
    /// Rewrites a Latin query, before its search key, as ISO 9985 and Hübschmann-Meillet write Armenian and
    /// ISO 9984 writes Georgian.
    package var armenianGeorgianReading: Transliterator

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
        adjectiveEndings = endings.rows.map { $0.cells[0].trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }

        let scriptTable = try RuleTable(path: rules.appendingPathComponent("script-endings.tsv").path, columns: 2)
        var scriptEndings: [String: [String]] = [:]
        for row in scriptTable.rows { scriptEndings[row.cells[0], default: []].append(row.cells[1]) }
        self.scriptEndings = scriptEndings

        let codes = try RuleTable(path: rules.appendingPathComponent("qualifier-codes.tsv").path, columns: 2)
        var qualifierCodes: [String: (String, String?)] = [:]
        for row in codes.rows {
            let admin1 = row.cells.count > 2 ? row.cells[2].trimmingCharacters(in: .whitespaces) : ""
            qualifierCodes[row.cells[0].uppercased()] = (row.cells[1], admin1.isEmpty ? nil : admin1)
        }
        self.qualifierCodes = qualifierCodes

        let reading = rules.appendingPathComponent("reading-key.txt").path
        readingKey = try NormalizationRules.compile(try RuleTable.read(reading), path: reading)
        let armenian = rules.appendingPathComponent("armenian-georgian-reading.txt").path
        armenianGeorgianReading = try NormalizationRules.compile(try RuleTable.read(armenian), path: armenian)
    }

    /// The rules in the default data folder.
    public init(normalizer: NameNormalizer) throws(RuleError) {
        try self.init(directory: DataDirectory.resolve(), normalizer: normalizer)
    }
}
