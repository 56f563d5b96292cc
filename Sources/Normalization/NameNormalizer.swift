import Synchronization
import SystemICU

/// Turns any name, in any script, into the keys the gazetteer compares: ``NameKeys``.
///
/// The work is a sequence of named stages, each driven by data in `Gazetteer/rules/`:
///
/// 1. **display**: NFC, whitespace collapsed, control characters dropped;
/// 2. **script**: the dominant script of the letters, and repair of words mixing look-alike letters
///    of two alphabets ("Ваku");
/// 3. **case fold**: NFKC_Casefold (compatibility forms, full case folding, default-ignorables removed);
/// 4. **transliterate**: the ICU transform `transliterators.tsv` names for the script and language
///    (Armenian → BGN/PCGN, Russian → BGN/PCGN, Azerbaijani Cyrillic → Azerbaijani Latin, Georgian →
///    national system), then `Any-Latin` for letters of any other script left over;
/// 5. **search key**: `search-key.txt` (Turkic letters, diacritics, apostrophes, punctuation);
/// 6. **match key**: `match-key.txt`, applied until the key stops changing.
///
/// Results are memoised per (name, language), so repeated names cost a hash lookup. Safe to share
/// between tasks.
///
/// ```swift
/// let normalizer = try NameNormalizer()
/// normalizer.keys(for: "Джермук").matchKey == normalizer.keys(for: "Cermuk").matchKey  // true
/// ```
public final class NameNormalizer: Sendable {
    /// The rules this normalizer applies.
    public let rules: NormalizationRules
    private let memo: StringMemo<NameKeys>
    private let matchMemo: StringMemo<String>
    /// Language hints seen so far, each with a small number that tells memo entries apart.
    private let languageTags = Mutex<[String: UInt8]>([:])

    /// - Parameters:
    ///   - rules: the rules to apply.
    ///   - memoCapacity: how many names' keys to remember (0: none; each costs ~200 bytes).
    public init(rules: NormalizationRules, memoCapacity: Int = 1 << 20) {
        self.rules = rules
        memo = StringMemo(capacity: memoCapacity)
        matchMemo = StringMemo(capacity: memoCapacity)
    }

    /// A normalizer with the rules of the default data folder.
    /// - Throws: ``RuleError`` when a rule file is missing or malformed.
    public convenience init() throws(RuleError) {
        try self.init(rules: NormalizationRules())
    }

    /// The keys of `name`.
    /// - Parameters:
    ///   - name: a place name in any script; any string is accepted.
    ///   - language: the name's BCP 47 language when known (`az`, `ru`, `hy-Latn`); it picks the
    ///     romanization for scripts several languages share, such as Cyrillic.
    public func keys(for name: String, language: String? = nil) -> NameKeys {
        memo.value(for: name, tag: tag(for: language)) { computeKeys(name, language: language) }
    }

    /// The search key of `name`.
    public func searchKey(_ name: String, language: String? = nil) -> String {
        keys(for: name, language: language).searchKey
    }

    /// The match key of `name`.
    public func matchKey(_ name: String, language: String? = nil) -> String {
        keys(for: name, language: language).matchKey
    }

    /// 0 for no hint; a hint's number otherwise (beyond 255 distinct hints, they share the last).
    private func tag(for language: String?) -> UInt8 {
        guard let language else { return 0 }
        return languageTags.withLock { tags in
            if let tag = tags[language] { return tag }
            let tag = UInt8(min(tags.count + 1, 255))
            tags[language] = tag
            return tag
        }
    }

    private func computeKeys(_ name: String, language: String?) -> NameKeys {
        if language == nil, !rules.wordKeys.isEmpty, name.utf8.first ?? 0 >= 0x80, let keys = rules.wordKeys[name] {
            return keys
        }
        let keys = rawKeys(name, language: language)
        // A key that keeps letters or marks of another alphabet (Tajik ҷ in a name read as Russian, a Cyrillic
        // titlo left on a romanized letter) reads as a mixed-script name the next time, and may key differently
        // then; keys must be fixpoints, so read it again until it settles (twice at most: each reading
        // romanizes more). ASCII keys, nearly all of them, are fixpoints already.
        guard keys.searchKey.utf16.contains(where: { $0 >= 0x80 }) else { return keys }
        var searchKey = keys.searchKey
        for _ in 0..<2 {
            let again = rawKeys(searchKey, language: nil).searchKey
            // A key of marks alone reads as no name at all; a name with letters keeps a key.
            if again == searchKey || again.isEmpty { break }
            searchKey = again
        }
        guard searchKey != keys.searchKey else { return keys }
        let matchKey = matchKey(forSearchKey: searchKey)
        return NameKeys(display: keys.display, script: keys.script, searchKey: searchKey, matchKey: matchKey)
    }

    /// The script of `name`, as its ``NameKeys/script``, without computing its keys: output that labels a
    /// name by script needs only this, and keying a name of another alphabet would open ICU's transforms.
    public func script(of name: String) -> String {
        // An ASCII name is Latin when it has a letter and common when not, as stage 2 decides, without the
        // copies stages 1 and 2 make: output labels most results' names this way (2.8 k instructions each).
        var hasLetter = false
        for byte in name.utf8 {
            if byte >= 0x80 { return Self.read(name).script.isoCode }
            if (byte | 0x20) &- 0x61 < 26 { hasLetter = true }
        }
        return (hasLetter ? Script.latin : Script.common).isoCode
    }

    /// A name after stages 1 and 2.
    private struct Reading {
        /// The display form in UTF-16, with look-alike letters of mixed words repaired.
        var units: [UInt16]
        let display: String
        let isASCII: Bool
        let script: Script
        /// Non-ASCII names only: the repaired scalars, and the distinct scripts of the letters.
        var scalars: [Unicode.Scalar] = []
        var scripts: [Script] = []
    }

    /// Stages 1 and 2: display form and script.
    private static func read(_ name: String) -> Reading {
        var units = UTF16Text.units(name)
        let isASCII = !units.contains { $0 >= 0x80 }
        if !isASCII { UnicodeNormalizer.nfc.normalize(&units) }
        collapseWhitespace(&units)
        let display = UTF16Text.string(units)
        if isASCII {
            return Reading(units: units, display: display, isASCII: true,
                           script: units.contains { ($0 | 0x20) &- 0x61 < 26 } ? .latin : .common)
        }
        var scalars = Array(display.unicodeScalars)
        let scripts = letterScripts(scalars)
        if scripts.count > 1, LookAlikes.latinize(&scalars, mixedWordsOnly: true, lowercase: false) {
            units = Array(String(String.UnicodeScalarView(scalars)).utf16)
        }
        let script = scripts.count > 1 ? Script.dominant(in: scalars) : (scripts.first ?? .common)
        return Reading(units: units, display: display, isASCII: false, script: script, scalars: scalars, scripts: scripts)
    }

    private func rawKeys(_ name: String, language: String?) -> NameKeys {
        let reading = Self.read(name)
        var units = reading.units
        let display = reading.display
        let isASCII = reading.isASCII
        let script = reading.script
        if isASCII {
            for index in units.indices where units[index] &- 0x41 < 26 { units[index] |= 0x20 }
        } else {
            UnicodeNormalizer.nfkcCasefold.normalize(&units)
            if let first = script != .latin && script != .common ? script : reading.scripts.first(where: { $0 != .latin }) {
                transliterate(&units, script: first, language: language, scalars: reading.scalars)
            }
        }
        rules.applySearchKeyRules(&units)
        Self.collapseWhitespace(&units)
        if !isASCII { finishNonASCII(&units) }
        if !Self.containsLetterOrDigit(units), display.unicodeScalars.contains(where: Self.isLetterOrDigit) {
            // Every letter was a mark the rules remove (a lone Arabic ʿayn, a modifier letter, a Russian soft
            // sign under a titlo): keep the case-folded name itself rather than a key that matches nothing, or
            // everything, or is marks alone.
            units = Array(display.utf16)
            UnicodeNormalizer.nfkcCasefold.normalize(&units)
            Self.collapseWhitespace(&units)
        }
        let searchKey = UTF16Text.string(units)
        let matchKey = matchKey(ofSearchKey: searchKey, units: units)
        return NameKeys(display: display, script: script.isoCode, searchKey: searchKey, matchKey: matchKey)
    }

    // MARK: Stages

    /// Runs of whitespace to one space, trimmed; control characters dropped. Every whitespace and control
    /// character is in the Basic Multilingual Plane, so UTF-16 units can be tested one at a time.
    static func collapseWhitespace(_ units: inout [UInt16]) {
        let count = units.withUnsafeMutableBufferPointer { units in
            var write = 0
            var pendingSpace = false
            for read in units.indices {
                let unit = units[read]
                if isWhitespace(unit) {
                    pendingSpace = write > 0
                    continue
                }
                if unit < 0x20 || (unit >= 0x7F && unit < 0xA0) { continue }
                if pendingSpace {
                    units[write] = 0x20
                    write += 1
                    pendingSpace = false
                }
                units[write] = unit
                write += 1
            }
            return write
        }
        if count < units.count { units.removeSubrange(count...) }
    }

    private static func isWhitespace(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) }
        if unit & 0xF800 == 0xD800 { return false }
        return Unicode.Scalar(unit)?.properties.isWhitespace ?? false
    }

    /// Whether UTF-16 `units` hold a letter or digit; keys are nearly all ASCII, so that is tested first.
    private static func containsLetterOrDigit(_ units: [UInt16]) -> Bool {
        if units.contains(where: { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }) { return true }
        guard units.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: units, as: UTF16.self).unicodeScalars.contains(where: isLetterOrDigit)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The distinct scripts of the letters in `scalars`, in order of first appearance.
    static func letterScripts(_ scalars: [Unicode.Scalar]) -> [Script] {
        var scripts: [Script] = []
        for scalar in scalars {
            let script = Script.of(scalar)
            if script == .common || script == .inherited || script == .unknown { continue }
            if !scripts.contains(script) { scripts.append(script) }
        }
        return scripts
    }

    /// Stage 4: each script's romanization (the name's own script first, with its language), then the
    /// general one for letters no table row covers; then case folding again, since romanizations may emit
    /// capitals or compatibility letters (Arabic BGN's ⁿ).
    private func transliterate(_ units: inout [UInt16], script: Script, language: String?,
                               scalars: [Unicode.Scalar]) {
        var done = Self.latinScripts
        var next: Script? = script
        var language = language
        while let current = next, !done.contains(current), done.count < 8 {
            done.append(current)
            if current == .cyrillic, language == nil || Self.isLatinTag(language) {
                language = rules.guessCyrillicLanguage(scalars)
            }
            rules.transliterate(&units, script: current.isoCode, language: language)
            language = nil
            next = Self.firstScriptOutsideLatin(units, excluding: done)
        }
        if Self.firstScriptOutsideLatin(units, excluding: Self.latinScripts) != nil {
            rules.fallbackTransliterator()?.transliterate(&units)
        }
        UTF16Text.replaceUnpairedSurrogates(&units)
        UnicodeNormalizer.nfkcCasefold.normalize(&units)
    }

    /// Letters the first romanization did not know may become known once the search-key rules have
    /// stripped their marks (ӫ → ө), or belong to another alphabet's transform (ҳ in a Kazakh-looking
    /// name): up to two more rounds romanize what is left. Then letters no transform knows become their
    /// Latin look-alikes, and digits of any script ASCII digits, so that a key read again as a name comes
    /// out the same.
    private func finishNonASCII(_ units: inout [UInt16]) {
        for _ in 0..<2 {
            guard let leftover = Self.firstScriptOutsideLatin(units, excluding: Self.latinScripts)
            else { break }
            let before = units
            let scalars = Array(String(decoding: units, as: UTF16.self).unicodeScalars)
            transliterate(&units, script: leftover, language: nil, scalars: scalars)
            rules.applySearchKeyRules(&units)
            Self.collapseWhitespace(&units)
            if units == before { break }
        }
        guard units.contains(where: { $0 >= 0x80 }) else { return }
        var scalars = Array(String(decoding: units, as: UTF16.self).unicodeScalars)
        var changed = LookAlikes.latinize(&scalars, mixedWordsOnly: false, lowercase: true)
        for index in scalars.indices where !scalars[index].isASCII
            && scalars[index].properties.generalCategory == .decimalNumber {
            if let value = scalars[index].properties.numericValue, value >= 0, value <= 9 {
                scalars[index] = Unicode.Scalar(UInt8(48 + Int(value)))
                changed = true
            }
        }
        guard changed else { return }
        units = Array(String(String.UnicodeScalarView(scalars)).utf16)
        // A vowel sign kept on a letter of its own script is now on a Latin look-alike: the search-key
        // rules drop it, as they would when the key is read again.
        rules.applySearchKeyRules(&units)
        Self.collapseWhitespace(&units)
    }

    /// Language tags that say a name is written in Latin letters carry no hint for another script.
    private static func isLatinTag(_ language: String?) -> Bool {
        language?.lowercased().hasSuffix("latn") ?? false
    }

    /// The text of `word-keys.tsv` for `words`: the keys of those not in Latin letters, which ICU's
    /// transforms would have to compute at start-up (for `Scripts/refresh-key-table`).
    public func wordKeysText(for words: some Sequence<String>) -> String {
        var lines = ["# Generated by Scripts/refresh-key-table from generic-words.tsv: do not edit.",
                     "# The keys of the generic words not written in Latin letters (name, display, script, search",
                     "# key, match key), read at start-up instead of opening ICU's transforms for them; used only",
                     "# while the fingerprint of the normalization rules and the ICU version below are current.",
                     "\(NormalizationRules.wordKeysRulesKey)\t\(rules.fingerprint)",
                     "\(SearchKeyTable.icuVersionKey)\t\(systemICUVersion)"]
        for word in Set(words).sorted() where !word.isEmpty && !word.contains(where: { $0 == "\t" || $0.isNewline }) {
            let keys = computeKeys(word, language: nil)
            guard keys.script != Script.latin.isoCode, keys.script != Script.common.isoCode else { continue }
            lines.append([word, keys.display, keys.script, keys.searchKey, keys.matchKey].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Stage 6: the match key of a search key.
    public func matchKey(forSearchKey searchKey: String) -> String {
        // Variants of a query (generic words dropped, readings) are ASCII nearly always: no UTF-16 copy.
        rules.interpretedMatchKey(ofSearchKey: searchKey) ?? matchKey(ofSearchKey: searchKey, units: Array(searchKey.utf16))
    }

    /// ASCII keys go to the interpreter, which costs less than a memo lookup; others to ICU through the memo.
    private func matchKey(ofSearchKey searchKey: String, units: [UInt16]) -> String {
        if rules.matchKeyInterpreter != nil, !units.contains(where: { $0 >= 0x80 }) {
            return rules.matchKey(ofSearchKey: units)
        }
        return matchMemo.value(for: searchKey) { rules.matchKey(ofSearchKey: units) }
    }

    /// The script of the first letter or digit that is not Latin, among scripts not in `excluding` (at
    /// U+0250 and up only: romanizations stay in the Latin blocks below it).
    /// The scripts a key may keep: Latin, and characters every script shares. An array, made once: a set
    /// literal built per name cost a tenth of an Armenian name's transliteration.
    private static let latinScripts: [Script] = [.latin, .common, .inherited, .unknown]

    private static func firstScriptOutsideLatin(_ units: [UInt16], excluding: [Script]) -> Script? {
        var index = 0
        while index < units.count {
            let unit = units[index]
            index += 1
            if unit < 0x250 { continue }
            var value = UInt32(unit)
            if unit & 0xFC00 == 0xD800, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                index += 1
            }
            guard let scalar = Unicode.Scalar(value),
                  CharacterProperties.isAlphabetic(scalar) || scalar.properties.numericType != nil else { continue }
            let script = Script.of(scalar)
            if !excluding.contains(script) { return script }
        }
        return nil
    }
}

