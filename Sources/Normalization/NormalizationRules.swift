import Foundation
import SystemICU
import Synchronization

/// The data-driven parts of normalization, loaded from `Gazetteer/rules/`:
///
/// - `transliterators.tsv`: which ICU transform romanizes each (script, language);
/// - `cyrillic-languages.tsv`: letters that tell Azerbaijani, Ukrainian, Kazakh … Cyrillic from Russian;
/// - `search-key.txt` and `match-key.txt`: ICU transform rules for the two keys.
///
/// Keys of Latin text never reach ICU's transliterators: `search-key-table.tsv`, generated from
/// `search-key.txt` by ICU, gives the search key, and ``ASCIIRules`` runs `match-key.txt` on ASCII keys.
/// The custom rules are compiled by ICU on first use when that table was generated from the same text
/// under the same ICU (so they are known to compile), and when loaded otherwise, so that an edited rule
/// with a fault fails at start-up with its file, line and column. Built-in transforms are opened on first
/// use, because opening all of them costs milliseconds that most runs never need; ``checkTransforms()``
/// opens them all and names the line of any that fails.
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
    /// The generated table of `search-key.txt` for Latin text (see `Scripts/refresh-key-table`).
    public static let searchKeyTableFile = SearchKeyTable.fileName
    /// The generated keys of the non-Latin words every process keys at start-up (generic words).
    public static let wordKeysFile = "word-keys.tsv"

    let transformRows: [TransformRow]
    let transformsPath: String
    let cyrillicMarkers: [(language: String, letters: Set<Unicode.Scalar>)]
    /// Every marker letter, for a quick negative answer on the common case of a Russian name.
    let cyrillicMarkerLetters: Set<Unicode.Scalar>
    private let searchKeyRules: CompiledRules
    private let matchKeyRules: CompiledRules
    /// `search-key.txt` for Latin text without ICU; nil when the table is missing or was generated from
    /// other rules or another ICU.
    let searchKeyTable: SearchKeyTable?
    /// `match-key.txt` for ASCII keys without ICU; nil when the rules use syntax the interpreter lacks.
    let matchKeyInterpreter: ASCIIRules?
    /// Keys of non-Latin words from `word-keys.tsv`, by name (keyed without a language): loading the
    /// generic words would otherwise open ICU's transliterator registry, most of a short run's time.
    /// Empty when the table was generated under other rules or another ICU.
    let wordKeys: [String: NameKeys]
    /// A fingerprint of the rule files' text: keys computed under other rules are not comparable.
    public let fingerprint: String
    private let opened = Mutex<[String: Transliterator?]>([:])

    /// Loads the rules in `directory` (a `rules/` folder), compiling any the key table does not vouch for.
    /// - Throws: ``RuleError`` naming the file, line and column of the first fault.
    public convenience init(directory: URL) throws(RuleError) {
        try self.init(directory: directory, fastPaths: true)
    }

    /// - Parameter fastPaths: false to send every key through ICU, for tests that compare the two.
    init(directory: URL, fastPaths: Bool) throws(RuleError) {
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

        let searchPath = directory.appendingPathComponent(Self.searchKeyFile).path
        let matchPath = directory.appendingPathComponent(Self.matchKeyFile).path
        let searchText = try RuleTable.read(searchPath)
        let matchText = try RuleTable.read(matchPath)
        let keyTable = try SearchKeyTable.load(path: directory.appendingPathComponent(Self.searchKeyTableFile).path)
        let vouched = { (file: String, text: String) in
            keyTable?.fingerprints[SearchKeyTable.icuVersionKey] == systemICUVersion
                && keyTable?.fingerprints[file] == Self.fingerprint(of: [text])
        }
        let searchVouched = vouched(Self.searchKeyFile, searchText)
        searchKeyRules = try CompiledRules(text: searchText, path: searchPath, compileNow: !searchVouched)
        matchKeyRules = try CompiledRules(text: matchText, path: matchPath,
                                          compileNow: !vouched(Self.matchKeyFile, matchText))
        searchKeyTable = fastPaths && searchVouched ? keyTable : nil
        matchKeyInterpreter = fastPaths ? ASCIIRules(rules: matchText) : nil
        let tables = [transliterators, languages].compactMap { try? RuleTable.read($0) }
        fingerprint = Self.fingerprint(of: tables + [searchText, matchText])
        let wordKeysPath = directory.appendingPathComponent(Self.wordKeysFile).path
        wordKeys = fastPaths ? try Self.wordKeys(path: wordKeysPath, fingerprint: fingerprint) : [:]
    }

    /// The rows of `word-keys.tsv` when it was made under rules with `fingerprint` and this ICU.
    private static func wordKeys(path: String, fingerprint: String) throws(RuleError) -> [String: NameKeys] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        var keys: [String: NameKeys] = [:]
        var made: [String: String] = [:]
        for row in try RuleTable(path: path, columns: 2).rows {
            if row.cells.count == 2 {
                made[row.cells[0]] = row.cells[1]
            } else if row.cells.count == 5 {
                keys[row.cells[0]] = NameKeys(display: row.cells[1], script: row.cells[2], searchKey: row.cells[3],
                                              matchKey: row.cells[4])
            } else {
                throw RuleError(file: path, line: row.line, reason: "expected 2 or 5 tab-separated cells")
            }
        }
        guard made[wordKeysRulesKey] == fingerprint, made[SearchKeyTable.icuVersionKey] == systemICUVersion else {
            return [:]
        }
        return keys
    }

    static let wordKeysRulesKey = "rules"

    /// The text of `search-key-table.tsv` for these rules, made by ICU (for `Scripts/refresh-key-table`).
    public func searchKeyTableText() -> String {
        SearchKeyTable.generate(transform: searchKeyRules.transliterator, fingerprints: [
            (Self.searchKeyFile, Self.fingerprint(of: [searchKeyRules.text])),
            (Self.matchKeyFile, Self.fingerprint(of: [matchKeyRules.text])),
        ])
    }

    /// Applies `search-key.txt` to case-folded text: by the table when it covers every character.
    func applySearchKeyRules(_ units: inout [UInt16]) {
        if let bytes = searchKeyTable?.apply(units) {
            units = bytes.map(UInt16.init)
        } else {
            searchKeyRules.transliterator.transliterate(&units)
        }
    }

    /// `search-key.txt` through ICU alone, for tests that compare it with the table.
    func searchKeyThroughICU(_ text: String) -> String {
        searchKeyRules.transliterator(text)
    }

    /// The match key of a search key: `match-key.txt` applied until the key is stable (a rule's output may
    /// make a pattern another rule rewrites, e.g. "kkh" → "kh" → "h"), at most eight times (letter soup
    /// such as "qkxhqhjx" takes five passes: kx → kh → h, then hh, then gg); by the interpreter when the
    /// key is ASCII.
    func matchKey(ofSearchKey units: [UInt16]) -> String {
        if let interpreter = matchKeyInterpreter, !units.contains(where: { $0 >= 0x80 }) {
            var bytes = units.map { UInt8(truncatingIfNeeded: $0) }
            if interpreter.applyUntilStable(&bytes, rounds: Self.matchKeyRounds) {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return matchKeyThroughICU(units)
    }

    private static let matchKeyRounds = 8

    /// The match key by ICU alone, for ``matchKey(ofSearchKey:)`` and for tests that compare the two.
    func matchKeyThroughICU(_ units: [UInt16]) -> String {
        var units = units
        let transform = matchKeyRules.transliterator
        for _ in 0..<Self.matchKeyRounds {
            let before = units
            transform.transliterate(&units)
            if units == before { break }
        }
        return UTF16Text.string(units)
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
    static func fingerprint(of texts: [String]) -> String {
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

    /// Compiles the key rules and opens every transform `transliterators.tsv` names.
    /// - Throws: ``RuleError`` with the line of the first transform the system ICU does not have.
    public func checkTransforms() throws(RuleError) {
        try searchKeyRules.compile()
        try matchKeyRules.compile()
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

    /// Compiles ICU transform rules read from `path`.
    /// - Throws: ``RuleError`` with the line and column of a rule ICU cannot compile.
    package static func compile(_ text: String, path: String) throws(RuleError) -> Transliterator {
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
