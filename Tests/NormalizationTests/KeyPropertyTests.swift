import Normalization
import Foundation
import PropertyBased
import Testing

/// Properties that must hold for any text at all, checked on random Unicode: combining marks, right-to-left
/// letters, bidi and zero-width controls, emoji, unpaired surrogates (which become U+FFFD), and invalid
/// UTF-8 decoded from raw bytes.
@Suite struct KeyPropertyTests {
    let normalizer = try! NameNormalizer()

    /// UTF-16 code unit ranges to draw from, weighted towards the scripts names are written in.
    static let ranges: [ClosedRange<UInt16>] = [
        0x20...0x7E, 0x41...0x5A, 0x61...0x7A, 0x61...0x7A, 0x00...0x1F, 0xC0...0x24F, 0x250...0x2FF,
        0x300...0x36F, 0x370...0x3FF, 0x400...0x4FF, 0x400...0x44F, 0x500...0x52F, 0x531...0x58A,
        0x531...0x58A, 0x10A0...0x10FF, 0x5D0...0x5EA, 0x600...0x6FF, 0x900...0x97F, 0x1E00...0x1EFF,
        0x2000...0x206F, 0x4E00...0x4E50, 0xAC00...0xAC50, 0xD800...0xDFFF, 0xFF01...0xFF5E,
        0xFE00...0xFE0F, 0x3040...0x30FF,
    ]

    /// A string from random picks: each pick chooses a range and a unit in it, or an emoji pair.
    static func text(from picks: [UInt32]) -> String {
        var units: [UInt16] = []
        for pick in picks {
            let choice = Int(pick % UInt32(ranges.count + 1))
            if choice == ranges.count {
                units += [0xD83C + UInt16(pick >> 8 & 1), 0xDC00 + UInt16(pick >> 9 & 0x3FF)]
                continue
            }
            let range = ranges[choice]
            let span = UInt32(range.upperBound - range.lowerBound) + 1
            units.append(range.lowerBound + UInt16((pick / UInt32(ranges.count + 1)) % span))
        }
        return String(decoding: units, as: UTF16.self)
    }

    static let randomText = Gen<UInt32>.value().array(of: 0...24).map { text(from: $0) }
    static let randomBytes = Gen<UInt8>.value().array(of: 0...40).map { String(decoding: $0, as: UTF8.self) }

    private func checkProperties(_ text: String) {
        let keys = normalizer.keys(for: text)
        #expect(normalizer.keys(for: keys.display).display == keys.display, "display of \(Array(text.unicodeScalars))")
        #expect(normalizer.searchKey(keys.searchKey) == keys.searchKey,
                "search key of \(Array(text.unicodeScalars).map { String($0.value, radix: 16) })")
        #expect(normalizer.matchKey(keys.matchKey) == keys.matchKey,
                "match key of \(Array(text.unicodeScalars).map { String($0.value, radix: 16) })")
        // A letter or digit by general category; combining marks are not letters, even the alphabetic ones.
        let hasLetterOrDigit = text.unicodeScalars.contains {
            switch $0.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
        if hasLetterOrDigit {
            #expect(!keys.searchKey.isEmpty, "empty search key for \(Array(text.unicodeScalars))")
            #expect(!keys.matchKey.isEmpty, "empty match key for \(Array(text.unicodeScalars))")
        }
        #expect(!keys.matchKey.contains(" "))
        #expect(keys.searchKey == keys.searchKey.trimmingCharacters(in: .whitespaces))
    }

    /// Found by the `keys` fuzz target: a Tajik letter that the Russian romanization leaves made a key that
    /// keyed differently when read again (ҸҳҢ → cҳng → chng).
    /// And by the random test below: Cyrillic combining marks (titlo, psili) left on romanized letters.
    @Test(arguments: [("ҸҳҢ", "ru"), ("ҸҳҢ", "en"), ("Ҳуҷанд", "ru"), ("Ҳуҷанд", "en"),
                      ("\u{42A}\u{30D}\u{486}\u{484}XNG", ""), ("\u{57F}\u{553}\u{487}\u{44C}\u{32C}\u{483}\u{4DA}k", ""),
                      ("eОSЪ\u{484}\u{589}k", ""), ("\u{42C}\u{484}\u{363}", ""), ("\u{44A}\u{486}\u{484}\u{353}", "")])
    func keysWithLettersOfAnotherAlphabetAreFixpoints(name: String, language: String) {
        let key = normalizer.keys(for: name, language: language.isEmpty ? nil : language).searchKey
        #expect(normalizer.keys(for: key).searchKey == key)
    }

    @Test func keysAreIdempotentAndNonEmptyOnRandomUnicode() async {
        await propertyCheck(count: 3000, input: Self.randomText) { checkProperties($0) }
    }

    @Test func keysAreIdempotentAndNonEmptyOnInvalidUTF8() async {
        await propertyCheck(count: 1000, input: Self.randomBytes) { checkProperties($0) }
    }


    /// Output labels a name of unknown language by `script(of:)` alone (`und-Cyrl`): it must say what the
    /// keys say, for mixed look-alike words ("Ваku") and every script too.
    @Test(arguments: ["Ваku", "Jermuk", "Ջերմուկ", "Джермук", "ჯერმუკი", "", "  ", "12", "Bakı Баку", "ⅫⅫ", "Ꙗ"])
    func scriptIsTheKeysScript(name: String) {
        #expect(normalizer.script(of: name) == normalizer.keys(for: name).script)
    }

    /// ASCII names take a shorter way to their script: letters, digits, punctuation, spaces and control bytes.
    @Test func scriptIsTheKeysScriptOnRandomASCII() async {
        let ascii = Gen<UInt32>.value().array(of: 0...24).map { String(decoding: $0.map { UInt8($0 & 0x7F) }, as: UTF8.self) }
        await propertyCheck(count: 2000, input: ascii) { text in
            #expect(normalizer.script(of: text) == normalizer.keys(for: text).script, "\(Array(text.utf8))")
        }
    }

    @Test func scriptIsTheKeysScriptOnRandomUnicode() async {
        await propertyCheck(count: 2000, input: Self.randomText) { text in
            #expect(normalizer.script(of: text) == normalizer.keys(for: text).script,
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
    @Test func randomLatinLettersHaveStableMatchKeys() async {
        // Plain lower-case letter soup is where one rule's output can make another rule's input.
        await propertyCheck(count: 3000, input: Gen.lowercaseLetter.string(of: 1...12)) { checkProperties($0) }
    }

    /// Found by the random tests: letter soup whose match key needed more than four passes of the rules.
    @Test(arguments: ["qkxhqhjx", "c'gkxxgkixc", "hjcqkxx q-auu", "uyzkxgx", "vizkxv"])
    func longRuleChainsReachAFixpoint(name: String) {
        let key = normalizer.matchKey(name)
        #expect(normalizer.matchKey(key) == key)
    }

    @Test func hugeNamesDoNotCrash() {
        let huge = String(repeating: "Ջերմուկ Cermuk Джермук ", count: 20_000)
        let keys = normalizer.keys(for: huge)
        #expect(keys.searchKey.hasPrefix("jermuk cermuk dzhermuk"))
    }

    @Test func concurrentCallsAgreeWithSerialOnes() async {
        let names = KeyEquivalenceTests.matchKeyClasses.flatMap { $0 }
        let fresh = NameNormalizer(rules: normalizer.rules, memoCapacity: 0)
        let expected = names.map { fresh.keys(for: $0) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { names.map { fresh.keys(for: $0) } == expected }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}
