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
    /// ``markerIndex(_:)`` of the marker letters, made when a Cyrillic name first needs it (it case-folds
    /// every letter of the blocks, which a run without Cyrillic names should not pay for at start-up).
    private let cyrillicMarkerIndex = Mutex<[Bool]>([])
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
    /// Where the generated tables of the script transforms are; nil to send every name through ICU.
    private let transformTablesPath: String?
    /// Tables read so far, by transform ID (nil: none usable, ICU transliterates).
    private let transformTables = Mutex<[String: TransformTable?]>([:])

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
                         id: RuleTable.trimmed(row.cells[2]), line: row.line)
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
        transformTablesPath = fastPaths ? directory.appendingPathComponent(TransformTable.directoryName).path : nil
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
        if let interpreter = matchKeyInterpreter, !units.contains(where: { $0 >= 0x80 }),
           let key = interpreter.applyUntilStable(units.lazy.map { UInt8(truncatingIfNeeded: $0) }, rounds: Self.matchKeyRounds) {
            return key
        }
        return matchKeyThroughICU(units)
    }

    /// The match key of an ASCII search key by the interpreter, read from its UTF-8 without a copy; nil when
    /// the key is not ASCII or the interpreter gives it to ICU.
    func interpretedMatchKey(ofSearchKey searchKey: String) -> String? {
        matchKeyInterpreter?.apply(to: searchKey, rounds: Self.matchKeyRounds)
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

    /// Transliterates `units`, a case-folded name in `script` (ISO 15924) and `language` (BCP 47, may be nil),
    /// by the transform `transliterators.tsv` names: by its generated table when that covers the text.
    func transliterate(_ units: inout [UInt16], script: String, language: String?) {
        guard let id = transformID(script: script, language: language) else { return }
        if let output = transformTable(id: id)?.apply(units) {
            units = output
        } else {
            transliterator(id: id)?.transliterate(&units)
        }
    }

    /// The ID of the transform for a name in `script` and `language`.
    func transformID(script: String, language: String?) -> String? {
        let language = language.map { Self.primaryLanguage($0) }
        let row = transformRows.first { $0.script == script && $0.language == language }
            ?? transformRows.first { $0.script == script && $0.language == "*" }
            ?? transformRows.first { $0.script == "*" && $0.language == "*" }
        return row?.id
    }

    /// The table of transform `id`, read on first use; nil when there is none for this ICU.
    func transformTable(id: String) -> TransformTable? {
        guard let directory = transformTablesPath else { return nil }
        return transformTables.withLock { tables in
            if let known = tables[id] { return known }
            let path = directory + "/" + TransformTable.fileName(id: id)
            // A damaged generated table is not the user's fault: ICU still gives the right output.
            let table = try? TransformTable.load(id: id, path: path)
            tables[id] = .some(table)
            return table
        }
    }

    /// The IDs of the transforms of the scripts whose tables `Scripts/refresh-key-table` makes (Armenian,
    /// Georgian and Cyrillic, in every language `transliterators.tsv` lists), with their script.
    public var tabledTransforms: [(id: String, script: String)] {
        var seen: Set<String> = []
        return transformRows.filter { Self.tabledScripts.contains($0.script) && seen.insert($0.id).inserted }
            .map { ($0.id, $0.script) }
    }

    /// The file name of the table of transform `id`, inside `rules/transforms/`.
    public static func transformTableFileName(id: String) -> String {
        TransformTable.fileName(id: id)
    }

    static let tabledScripts: Set<String> = ["Armn", "Geor", "Cyrl"]

    /// The text of the table of transform `id` for letters of `script` (ISO 15924), made by ICU (for
    /// `Scripts/refresh-key-table`); nil when the system ICU has no such transform or the table would be too
    /// large to ship (``TransformTable/maxRows``).
    public func transformTableText(id: String, script: String) -> String? {
        guard let transform = transliterator(id: id),
              let script = (Int32(0)..<256).lazy.map(Script.init(code:)).first(where: { $0.isoCode == script })
        else { return nil }
        return TransformTable.generate(transform: transform, script: script)
    }

    /// Opens `id` once; a transform that fails to open is remembered as missing rather than retried.
    func transliterator(id: String) -> Transliterator? {
        opened.withLock { cache in
            if let known = cache[id] { return known }
            let transliterator = try? Transliterator(id: id)
            cache[id] = .some(transliterator)
            return transliterator
        }
    }

    /// The general fallback transform for letters left in other scripts.
    func fallbackTransliterator() -> Transliterator? {
        transformID(script: "*", language: nil).flatMap { transliterator(id: $0) }
    }

    /// The language of a Cyrillic name, guessed from marker letters; nil (Russian) when none is present.
    func guessCyrillicLanguage(_ scalars: some Sequence<Unicode.Scalar>) -> String? {
        // The distinct marker letters present (names are short: a linear search beats a set).
        var present: [Unicode.Scalar] = []
        let markerIndex = cyrillicMarkerIndex.withLock { index in
            if index.isEmpty { index = Self.markerIndex(cyrillicMarkerLetters) }
            return index
        }
        for scalar in scalars where scalar.value >= 0x400 && scalar.value < 0x530 {
            let index = Int(scalar.value - 0x400)
            guard markerIndex[index] else { continue }
            for letter in Self.cyrillicFoldedLetters[index]
            where cyrillicMarkerLetters.contains(letter) && !present.contains(letter) {
                present.append(letter)
            }
        }
        if present.isEmpty { return nil }
        var best: String?
        var bestScore = 0
        for (language, letters) in cyrillicMarkers {
            let score = present.count(where: letters.contains)
            if score > bestScore {
                best = language
                bestScore = score
            }
        }
        return best
    }

    /// For each letter of the Cyrillic blocks, whether it or its base letter is a marker letter: most names
    /// (Russian) have none, and that answer costs an array lookup a letter.
    private static func markerIndex(_ markers: Set<Unicode.Scalar>) -> [Bool] {
        cyrillicFoldedLetters.map { $0.contains(where: markers.contains) }
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
