import Foundation
@testable import Normalization
import PropertyBased
import SystemICU
import Testing

/// The keys of Latin text are computed without ICU's transliterators (the generated search-key table and
/// the match-key interpreter): they must equal ICU's keys exactly, on random and on real names.
@Suite struct KeyFastPathTests {
    let rules = try! NormalizationRules()
    let icuOnly = NameNormalizer(rules: try! NormalizationRules(directory: DataDirectory.resolve()
        .appendingPathComponent("rules"), fastPaths: false), memoCapacity: 0)
    let fast = NameNormalizer(rules: try! NormalizationRules(), memoCapacity: 0)

    /// Code point ranges of Latin text, weighted towards what the table's pairs and marks involve.
    static let latinRanges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x61...0x7A, 0x61...0x7A, 0x41...0x5A, 0x63...0x63, 0x27...0x27, 0xA0...0xFF, 0x100...0x17F,
        0x180...0x24F, 0x250...0x2AF, 0x2B0...0x2FF, 0x2B9...0x2BC, 0x300...0x36F, 0x323...0x323, 0x1E00...0x1EFF,
        0x2010...0x205E, 0x2018...0x2019, 0x09...0x0D,
    ]

    /// Random text from `latinRanges`, with now and then a letter of another script (Cyrillic, Armenian,
    /// Georgian) so that the hand-over to ICU is exercised too.
    static let latinText = Gen<UInt32>.value().array(of: 0...16).map { picks in
        var scalars = String.UnicodeScalarView()
        for pick in picks {
            let choice = Int(pick % 64)
            if choice >= latinRanges.count * 3 + 4 {
                let others: [UInt32] = [0x416, 0x4D9, 0x54B, 0x10EF]
                scalars.append(Unicode.Scalar(others[Int(pick >> 8) % others.count])!)
                continue
            }
            let range = latinRanges[choice % latinRanges.count]
            let value = range.lowerBound + (pick >> 6) % (range.upperBound - range.lowerBound + 1)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Lower-case ASCII letters and spaces, heavy in the letters the match-key rules rewrite.
    static let keyText = Gen<UInt32>.value().array(of: 0...14).map { picks in
        let alphabet = Array("aaeeiioouuyyy cdhjkstzzgqxw bflmnprv0".utf8)
        return String(decoding: picks.map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    }

    @Test func tableMatchesICUSearchKeyRulesOnRandomLatinText() async {
        var covered = 0
        await propertyCheck(count: 4000, input: Self.latinText) { text in
            let folded = UnicodeNormalizer.nfkcCasefold(text)
            guard let bytes = rules.searchKeyTable?.apply(Array(folded.utf16)) else { return }
            covered += 1
            #expect(String(decoding: bytes, as: UTF8.self) == rules.searchKeyThroughICU(folded),
                    "\(folded.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Most random Latin text must take the table, or the equality above proves little.
        #expect(covered > 1000)
    }

    @Test func interpreterMatchesICUMatchKeyRulesOnRandomKeys() async {
        #expect(rules.matchKeyInterpreter != nil)
        await propertyCheck(count: 4000, input: Self.keyText) { key in
            let units = Array(key.utf16)
            #expect(rules.matchKey(ofSearchKey: units) == rules.matchKeyThroughICU(units), "\(key)")
        }
    }

    @Test func keysEqualICUKeysOnRandomLatinText() async {
        await propertyCheck(count: 3000, input: Self.latinText) { text in
            #expect(fast.keys(for: text) == icuOnly.keys(for: text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func keysEqualICUKeysOnRandomUnicode() async {
        await propertyCheck(count: 2000, input: KeyPropertyTests.randomText) { text in
            #expect(fast.keys(for: text) == icuOnly.keys(for: text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every name (and alternate name) in the shipped curated tables and country list, and in the test
    /// fixtures: real spellings in every script the project reads.
    @Test func keysEqualICUKeysOnRealNames() throws {
        let data = try DataDirectory.resolve()
        let curated = data.appendingPathComponent("curated/names")
        var files = try FileManager.default.contentsOfDirectory(atPath: curated.path).map {
            curated.appendingPathComponent($0)
        }
        files.append(data.appendingPathComponent("geonames/countries.txt"))
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        for suite in ["ResolutionTests", "AnnotationTests", "GazetteerStoreTests"] {
            for file in ["places.txt", "alternateNames.txt"] {
                let url = tests.appendingPathComponent("\(suite)/Fixtures/\(file)")
                if FileManager.default.fileExists(atPath: url.path) { files.append(url) }
            }
        }
        var names: Set<String> = []
        for file in files {
            for cell in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: { "\t\n,".contains($0) })
            where cell.contains(where: \.isLetter) {
                names.insert(String(cell))
            }
        }
        #expect(names.count > 1000)
        for name in names {
            #expect(fast.keys(for: name) == icuOnly.keys(for: name), "\(name)")
        }
        for name in KeyEquivalenceTests.matchKeyClasses.joined() {
            #expect(fast.keys(for: name) == icuOnly.keys(for: name), "\(name)")
        }
    }

    /// The shipped table is what ICU makes of the shipped rules today; when this fails, run
    /// `Scripts/refresh-key-table`.
    @Test func shippedTableIsCurrent() throws {
        #expect(rules.searchKeyTable != nil, "search-key-table.tsv is stale or missing: run Scripts/refresh-key-table")
        let path = try DataDirectory.resolve().appendingPathComponent("rules/\(NormalizationRules.searchKeyTableFile)")
        #expect(try String(contentsOf: path, encoding: .utf8) == rules.searchKeyTableText(),
                "search-key-table.tsv differs from what ICU makes of search-key.txt: run Scripts/refresh-key-table")
    }

    /// The generic words' keys read at start-up are ICU's; when this fails, run `Scripts/refresh-key-table`.
    @Test func shippedWordKeysAreCurrent() throws {
        let rulesFolder = try DataDirectory.resolve().appendingPathComponent("rules")
        let words = try RuleTable(path: rulesFolder.appendingPathComponent("generic-words.tsv").path, columns: 1)
            .rows.map { $0.cells[0] }
        #expect(!rules.wordKeys.isEmpty, "word-keys.tsv is stale or missing: run Scripts/refresh-key-table")
        #expect(try String(contentsOf: rulesFolder.appendingPathComponent(NormalizationRules.wordKeysFile), encoding: .utf8)
                == icuOnly.wordKeysText(for: words), "word-keys.tsv is stale: run Scripts/refresh-key-table")
        for (word, keys) in rules.wordKeys {
            #expect(fast.keys(for: word) == keys)
        }
    }

    @Test(arguments: ["::NFD ;", "a <> b ;", "x > [ ;", "a > $1 ;", "[:L:] > x ;", "ä > a ;", "a > 'b ;", "$v = [ab ;"])
    func interpreterDeclinesSyntaxOutsideItsSubset(rule: String) {
        #expect(ASCIIRules(rules: "# a comment\nb > c ;\n" + rule) == nil)
    }

    @Test func interpreterFollowsICUCursorAndContext() throws {
        let rules = try #require(ASCIIRules(rules: """
            $v = [aeiou] ; aa > | a ; $v { y } $v > ; ^ x > h ; ' ' q > k ; z } $ > s ; [^aeiou] { n > m ;
            """))
        func run(_ text: String) -> String {
            var bytes = Array(text.utf8)
            #expect(rules.apply(&bytes) != nil)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(run("aaaa") == "a")
        #expect(run("ayo yo") == "ao yo")
        #expect(run("xax") == "hax")
        #expect(run("a qa") == "aka")
        #expect(run("zaz") == "zas")
        #expect(run("ann tnn") == "anm tmm")
    }

    /// A negated class holds ICU's ether, which matches the edge of the text in a context: "hodzij" keeps its
    /// final j under `i { j } [^aeiou] > j` (the query readings' rule), and a first n follows "nothing".
    @Test func negatedClassesMatchTheEdgesOfTheTextAsICUDoes() throws {
        let text = "[^aeiou] { n > m ; i { j } [^aeiou\\ ] > j ; j > y ; ^ [^x] { q > k ;"
        let interpreter = try #require(ASCIIRules(rules: text))
        let icu = try Transliterator(rules: text, name: "edges")
        for sample in ["nan", "an", "hodzij", "ij a", "ija", "nijn", "j", "qa", "aq", ""] {
            var bytes = Array(sample.utf8)
            #expect(interpreter.apply(&bytes) != nil)
            #expect(String(decoding: bytes, as: UTF8.self) == icu(sample), "\(sample)")
        }
        #expect(ASCIIRules(rules: "a [^b] > c ;") == nil, "an edge inside a key is left to ICU")
    }
}
