import Foundation
import SystemICU
import Synchronization

/// The data-driven parts of normalization, loaded from `Gazetteer/rules/`:
///
/// - `transliterators.tsv`: which ICU transform romanizes each (script, language);
/// - `cyrillic-languages.tsv`: letters that tell Azerbaijani, Ukrainian, Kazakh … Cyrillic from Russian;
/// - `search-key.txt` and `match-key.txt`: ICU transform rules for the two keys.
///
/// The custom rules are compiled when loaded, so a malformed rule fails at start-up with its file, line
/// and column. Built-in transforms are opened on first use, because opening all of them costs milliseconds
/// that most runs never need; ``checkTransforms()`` opens them all and names the line of any that fails.
public final class NormalizationRules: Sendable {
    struct TransformRow: Sendable {
        var script: String
        var language: String
        var id: String
        var line: Int
    }

    /// File names inside the rules folder.
    public static let transliteratorsFile = "transliterators.tsv"
    public static let cyrillicLanguagesFile = "cyrillic-languages.tsv"
    public static let searchKeyFile = "search-key.txt"
    public static let matchKeyFile = "match-key.txt"

    let transformRows: [TransformRow]
    let transformsPath: String
    let cyrillicMarkers: [(language: String, letters: Set<Unicode.Scalar>)]
    /// Every marker letter, for a quick negative answer on the common case of a Russian name.
    let cyrillicMarkerLetters: Set<Unicode.Scalar>
    let searchKeyRules: Transliterator
    let matchKeyRules: Transliterator
    /// A fingerprint of the rule files' text: keys computed under other rules are not comparable.
    public let fingerprint: String
    private let opened = Mutex<[String: Transliterator?]>([:])

    /// Loads and compiles the rules in `directory` (a `rules/` folder).
    /// - Throws: ``RuleError`` naming the file, line and column of the first fault.
    public init(directory: URL) throws(RuleError) {
        let transliterators = directory.appendingPathComponent(Self.transliteratorsFile).path
        let table = try RuleTable(path: transliterators, columns: 3)
        transformsPath = transliterators
        let rows = table.rows.map { row in
            TransformRow(script: row.cells[0], language: row.cells[1],
                         id: row.cells[2].trimmingCharacters(in: .whitespaces), line: row.line)
        }
        guard rows.contains(where: { $0.script == "*" && $0.language == "*" }) else {
            throw RuleError(file: transliterators, reason: "a '*\t*' row is needed for scripts not listed")
        }
        transformRows = rows

        let languages = directory.appendingPathComponent(Self.cyrillicLanguagesFile).path
        cyrillicMarkers = try RuleTable(path: languages, columns: 2).rows.map { row in
            (row.cells[0], Set(row.cells[1].unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        cyrillicMarkerLetters = cyrillicMarkers.reduce(into: []) { $0.formUnion($1.letters) }

        let searchText = try RuleTable.read(directory.appendingPathComponent(Self.searchKeyFile).path)
        let matchText = try RuleTable.read(directory.appendingPathComponent(Self.matchKeyFile).path)
        searchKeyRules = try Self.compile(searchText, path: directory.appendingPathComponent(Self.searchKeyFile).path)
        matchKeyRules = try Self.compile(matchText, path: directory.appendingPathComponent(Self.matchKeyFile).path)
        let tables = [transliterators, languages].compactMap { try? RuleTable.read($0) }
        fingerprint = Self.fingerprint(of: tables + [searchText, matchText])
    }

    /// The ``fingerprint`` the rules in `directory` would have, from the files' text alone: cheaper than
    /// compiling them, for telling whether a database was built under the rules on disk.
    public static func fingerprint(directory: URL) throws(RuleError) -> String {
        var texts: [String] = []
        for file in [transliteratorsFile, cyrillicLanguagesFile, searchKeyFile, matchKeyFile] {
            texts.append(try RuleTable.read(directory.appendingPathComponent(file).path))
        }
        return fingerprint(of: texts)
    }

    /// 64-bit FNV-1a of the rule files' texts in a fixed order.
    private static func fingerprint(of texts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in texts.joined(separator: "\u{0}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    /// The rules in the default data folder (see ``DataDirectory``).
    public convenience init() throws(RuleError) {
        try self.init(directory: DataDirectory.resolve().appendingPathComponent("rules"))
    }

    /// Opens every transform `transliterators.tsv` names.
    /// - Throws: ``RuleError`` with the line of the first transform the system ICU does not have.
    public func checkTransforms() throws(RuleError) {
        for row in transformRows where transliterator(id: row.id) == nil {
            throw RuleError(file: transformsPath, line: row.line,
                            reason: "the system ICU has no transform '\(row.id)'")
        }
    }

    /// The transliterator for a name in `script` (ISO 15924) and `language` (BCP 47, may be nil).
    func transliterator(script: String, language: String?) -> Transliterator? {
        let language = language.map { Self.primaryLanguage($0) }
        let row = transformRows.first { $0.script == script && $0.language == language }
            ?? transformRows.first { $0.script == script && $0.language == "*" }
            ?? transformRows.first { $0.script == "*" && $0.language == "*" }
        guard let id = row?.id else { return nil }
        return transliterator(id: id)
    }


    /// Opens `id` once; a transform that fails to open is remembered as missing rather than retried.
    private func transliterator(id: String) -> Transliterator? {
        opened.withLock { cache in
            if let known = cache[id] { return known }
            let transliterator = try? Transliterator(id: id)
            cache[id] = .some(transliterator)
            return transliterator
        }
    }

    /// The general fallback transform for letters left in other scripts.
    func fallbackTransliterator() -> Transliterator? {
        transliterator(script: "*", language: nil)
    }

    /// The language of a Cyrillic name, guessed from marker letters; nil (Russian) when none is present.
    func guessCyrillicLanguage(_ scalars: some Sequence<Unicode.Scalar>) -> String? {
        var present: Set<Unicode.Scalar> = []
        for scalar in scalars where scalar.value >= 0x400 && scalar.value < 0x530 {
            for letter in Self.cyrillicFoldedLetters[Int(scalar.value - 0x400)]
            where cyrillicMarkerLetters.contains(letter) {
                present.insert(letter)
            }
        }
        if present.isEmpty { return nil }
        var best: String?
        var bestScore = 0
        for (language, letters) in cyrillicMarkers {
            let score = letters.intersection(present).count
            if score > bestScore {
                best = language
                bestScore = score
            }
        }
        return best
    }

    /// Each letter of the Cyrillic blocks (U+0400–U+052F) in lower case, and also without its marks when
    /// it has some: marker letters are listed in lower case, and Ӫ counts as ө as well as ӫ.
    private static let cyrillicFoldedLetters: [[Unicode.Scalar]] = (UInt32(0x400)..<0x530).map { value in
        let lower = UnicodeNormalizer.nfkcCasefold(String(Unicode.Scalar(value)!))
        let base = UnicodeNormalizer.nfd(lower)
        return [lower.unicodeScalars.first, base.unicodeScalars.first].compactMap { $0 }
    }

    /// "az-Cyrl" → "az"; "hy-Latn" → "hy".
    static func primaryLanguage(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    private static func compile(_ text: String, path: String) throws(RuleError) -> Transliterator {
        do {
            return try Transliterator(rules: text, name: URL(fileURLWithPath: path).lastPathComponent)
        } catch {
            guard case let .invalidRules(_, offset, context, status) = error else {
                throw RuleError(file: path, reason: error.description)
            }
            let (line, column) = offset >= 0 ? Self.lineAndColumn(ofUTF16Offset: offset, in: text) : (0, 0)
            let near = context.isEmpty ? "" : " near '\(context)'"
            throw RuleError(file: path, line: line, column: column,
                            reason: "ICU cannot compile this rule\(near) (\(status))")
        }
    }

    /// ICU reports rule faults as a UTF-16 offset into the whole rule text.
    static func lineAndColumn(ofUTF16Offset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += scalar.utf16.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
