import Foundation
import Normalization
import SystemICU

/// Another reading of a Latin query, from `rules/readings.tsv`: the letters of another convention (ISO 9's
/// c as ts, ISO 9985's ł as gh), tried after the query's own keys.
package struct QueryReading: Sendable {
    /// What the reading's rules see.
    package enum Input: String, Sendable {
        /// The query's search key: lower-case, with the letters the search key folds already folded.
        case searchKey = "search-key"
        /// The query case-folded, before its search key: ł and ǰ are still themselves.
        case query
    }

    package var rules: Transliterator
    /// The same rules run without ICU on ASCII text, when they are within the interpreter's subset (a
    /// query's search key is ASCII nearly always, and ICU's transform cost more than the rest of its keys).
    package var interpreter: ASCIIRules?
    package var input: Input
    /// The letters, in both cases, that call for the reading: a small list, cheaper to scan than to hash.
    package var letters: [Unicode.Scalar]

    /// Whether `text` holds one of the reading's letters.
    func isCalledFor(by text: String) -> Bool {
        text.unicodeScalars.contains(where: letters.contains)
    }

    /// `text` read this way: the rules applied once, as ICU's transform does.
    package func read(_ text: String) -> String {
        if let interpreter, let reading = interpreter.apply(to: text, rounds: 1) { return reading }
        var units = UTF16Text.units(text)
        rules.transliterate(&units)
        return UTF16Text.string(units)
    }

    /// A letter's upper case when it is another single letter (ł: Ł; not ß, whose upper case is SS).
    static func upperCase(of letter: Unicode.Scalar) -> Unicode.Scalar? {
        let upper = String(letter).uppercased().unicodeScalars
        return upper.count == 1 && upper.first != letter ? upper.first : nil
    }

    /// The readings `rules/readings.tsv` lists, in its order, with their rule files compiled.
    /// - Throws: ``RuleError`` naming the file and line of a malformed row or rule.
    static func load(from rules: URL, normalizer: NameNormalizer) throws(RuleError) -> [QueryReading] {
        let table = try RuleTable(path: rules.appendingPathComponent("readings.tsv").path, columns: 3)
        var readings: [QueryReading] = []
        for row in table.rows {
            func fault(_ reason: String) -> RuleError { RuleError(file: table.path, line: row.line, reason: reason) }
            let file = RuleTable.trimmed(row.cells[0])
            guard !file.isEmpty, !file.contains("/") else { throw fault("'\(file)' is not a file name in this folder") }
            guard let input = Input(rawValue: RuleTable.trimmed(row.cells[1])) else {
                throw fault("reads must be search-key or query, not '\(row.cells[1])'")
            }
            var letters: [Unicode.Scalar] = []
            for word in row.cells[2].split(separator: " ") {
                guard word.unicodeScalars.count == 1, let letter = word.unicodeScalars.first,
                      letter.properties.isAlphabetic, String(letter).lowercased() == String(letter) else {
                    throw fault("'\(word)' is not one lower-case letter")
                }
                if input == .searchKey, normalizer.searchKey(String(letter)) != String(letter) {
                    throw fault("'\(letter)' never appears in a search key (it becomes "
                                + "'\(normalizer.searchKey(String(letter)))'): read the query instead")
                }
                letters.append(letter)
                if let upper = Self.upperCase(of: letter) { letters.append(upper) }
            }
            guard !letters.isEmpty else { throw fault("no letters call for the reading") }
            let path = rules.appendingPathComponent(file).path
            let text = try RuleTable.read(path)
            let transform = try NormalizationRules.compile(text, path: path)
            readings.append(QueryReading(rules: transform, interpreter: ASCIIRules(rules: text), input: input,
                                         letters: letters))
        }
        return readings
    }
}

/// How another alphabet writes some letters of names, from `rules/letter-spellings.tsv` (Turkish and
/// Russian write the Azerbaijani ə as e): a query so spelling a name is the name itself.
package struct LetterSpellings: Sendable {
    /// Letter of a name, in either case → how the other alphabet writes it.
    private var written: [Unicode.Scalar: String] = [:]

    /// `name` with its letters written as the other alphabet writes them, or nil when it has none of them.
    package func respelling(_ name: String) -> String? {
        guard name.unicodeScalars.contains(where: { written[$0] != nil }) else { return nil }
        var result = ""
        for scalar in name.unicodeScalars {
            if let spelling = written[scalar] { result += spelling } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// - Throws: ``RuleError`` naming the file and line of a malformed row.
    static func load(from rules: URL) throws(RuleError) -> LetterSpellings {
        let table = try RuleTable(path: rules.appendingPathComponent("letter-spellings.tsv").path, columns: 2)
        var spellings = LetterSpellings()
        for row in table.rows {
            func fault(_ reason: String) -> RuleError { RuleError(file: table.path, line: row.line, reason: reason) }
            let letter = RuleTable.trimmed(row.cells[0])
            guard letter.unicodeScalars.count == 1, let scalar = letter.unicodeScalars.first,
                  scalar.properties.isAlphabetic, letter.lowercased() == letter else {
                throw fault("'\(letter)' is not one lower-case letter")
            }
            let written = RuleTable.trimmed(row.cells[1])
            guard !written.isEmpty, written.unicodeScalars.allSatisfy(\.properties.isAlphabetic) else {
                throw fault("how '\(letter)' is written must be one or more letters, not '\(written)'")
            }
            guard spellings.written[scalar] == nil else { throw fault("'\(letter)' is already listed") }
            spellings.written[scalar] = written
            if let upper = QueryReading.upperCase(of: scalar) { spellings.written[upper] = written }
        }
        return spellings
    }
}
