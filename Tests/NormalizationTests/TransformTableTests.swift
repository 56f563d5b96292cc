import Foundation
@testable import Normalization
import PropertyBased
import SystemICU
import Testing

/// Armenian, Georgian and Cyrillic names are transliterated by tables ICU made of its own transforms
/// (`rules/transforms/`): the output must be ICU's exactly, on random letters of each script and on real names
/// (``KeyFastPathTests/keysEqualICUKeysOnRealNames()`` compares whole keys with and without the tables).
@Suite struct TransformTableTests {
    let rules = try! NormalizationRules()
    let icuOnly = NameNormalizer(rules: try! NormalizationRules(directory: DataDirectory.resolve()
        .appendingPathComponent("rules"), fastPaths: false), memoCapacity: 0)
    let fast = NameNormalizer(rules: try! NormalizationRules(), memoCapacity: 0)

    /// The transforms every name of the region goes through.
    static let regionTransforms = ["hy-hy_Latn/BGN", "ka-ka_Latn/BGN", "ru-ru_Latn/BGN", "az_Cyrl-az/BGN",
                                   "kk-kk_Latn/BGN", "uk-uk_Latn/BGN"]

    /// Random picks, made into text of one script by ``text(_:script:)``.
    static let picks = Gen<UInt32>.value().array(of: 0...12)

    /// Code points of each script's text, weighted to the basic alphabet and the letters the rules treat by
    /// context, in both cases.
    static let ranges: [String: [ClosedRange<UInt32>]] = [
        "Armn": [0x561...0x586, 0x561...0x586, 0x578...0x578, 0x582...0x582, 0x565...0x565, 0x531...0x556,
                 0x587...0x589],
        "Geor": [0x10D0...0x10F0, 0x10D0...0x10FF, 0x1C90...0x1CBF],
        "Cyrl": [0x430...0x44F, 0x430...0x44F, 0x435...0x435, 0x44B...0x44D, 0x410...0x42F, 0x400...0x4FF],
    ]

    /// Letters of `script` from `picks`, with spaces, hyphens, apostrophes, digits and now and then a Latin
    /// letter, a combining mark or a letter of another script.
    static func text(_ picks: [UInt32], script: String) -> String {
        let ranges = ranges[script]!
        var scalars = String.UnicodeScalarView()
        for pick in picks {
            let choice = Int(pick % 32)
            let value: UInt32
            if choice < 24 {
                let range = ranges[choice % ranges.count]
                value = range.lowerBound + (pick >> 5) % (range.upperBound - range.lowerBound + 1)
            } else {
                let others: [UInt32] = [0x20, 0x2D, 0x27, 0x2019, 0x31, 0x61, 0x4D9, 0x10E3, 0x578, 0x301]
                value = others[Int(pick >> 5) % others.count]
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test func everyRegionTransformHasATable() {
        for id in Self.regionTransforms {
            #expect(rules.transformTable(id: id) != nil,
                    "rules/transforms/\(TransformTable.fileName(id: id)) is missing or stale: run Scripts/refresh-key-table")
        }
    }

    /// Each row of each shipped table is what ICU makes of that piece today.
    @Test func shippedPiecesAreICUOutputs() throws {
        let folder = try DataDirectory.resolve().appendingPathComponent("rules/\(TransformTable.directoryName)")
        for (id, _) in rules.tabledTransforms {
            let path = folder.appendingPathComponent(TransformTable.fileName(id: id)).path
            // A transform too large to tabulate has no file (its names go to ICU).
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let transform = try #require(rules.transliterator(id: id))
            for row in try RuleTable(path: path, columns: 2).rows where row.cells[0].utf8.first ?? 0 >= 0x80 {
                #expect(transform(row.cells[0]) == row.cells[1], "\(path):\(row.line)")
            }
        }
    }

    @Test(arguments: [("hy-hy_Latn/BGN", "Armn"), ("ka-ka_Latn/BGN", "Geor"), ("ru-ru_Latn/BGN", "Cyrl"),
                      ("az_Cyrl-az/BGN", "Cyrl"), ("kk-kk_Latn/BGN", "Cyrl"), ("uk-uk_Latn/BGN", "Cyrl")])
    func tableMatchesICUOnRandomText(id: String, script: String) async throws {
        let table = try #require(rules.transformTable(id: id))
        let transform = try #require(rules.transliterator(id: id))
        var covered = 0
        await propertyCheck(count: 3000, input: Self.picks) { picks in
            let text = Self.text(picks, script: script)
            let units = Array(UnicodeNormalizer.nfkcCasefold(text).utf16)
            guard let output = table.apply(units) else { return }
            covered += 1
            var expected = units
            transform.transliterate(&expected)
            #expect(output == expected, "\(id): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Much of the random text must take the table, or the equality above proves little (a sixth of the
        // Cyrillic picks are letters of other alphabets, which send Russian text to ICU).
        #expect(covered > 600, "\(id): \(covered)")
    }

    @Test(arguments: ["Armn", "Geor", "Cyrl"])
    func keysEqualICUKeysOnRandomText(script: String) async {
        await propertyCheck(count: 1500, input: Self.picks) { picks in
            let text = Self.text(picks, script: script)
            for language in [nil, "az", "kk", "uk"] {
                #expect(fast.keys(for: text, language: language) == icuOnly.keys(for: text, language: language),
                        "\(language ?? "-"): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    /// Names whose letters the transforms read by context, each way.
    @Test(arguments: [
        ("hy-hy_Latn/BGN", "ջերմուկ"), ("hy-hy_Latn/BGN", "երեւան"), ("hy-hy_Latn/BGN", "ոսկեվազ"),
        ("hy-hy_Latn/BGN", "եղեգնաձոր"), ("hy-hy_Latn/BGN", "այգեւան"), ("hy-hy_Latn/BGN", "նոր եւ հին"),
        ("ru-ru_Latn/BGN", "заельцовский"), ("ru-ru_Latn/BGN", "подъезд"), ("ru-ru_Latn/BGN", "тольятти"),
        ("ru-ru_Latn/BGN", "майя"), ("ka-ka_Latn/BGN", "თბილისი"),
    ])
    func contextsAreICUs(id: String, name: String) throws {
        let table = try #require(rules.transformTable(id: id))
        let transform = try #require(rules.transliterator(id: id))
        let output = try #require(table.apply(Array(name.utf16)))
        #expect(UTF16Text.string(output) == transform(name))
    }

    /// A table made under another ICU is not used; a damaged one is an error naming its line.
    @Test func staleOrDamagedTablesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transform-table-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func load(_ text: String) throws(RuleError) -> TransformTable? {
            let path = folder.appendingPathComponent("t.tsv").path
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return try TransformTable.load(id: "t", path: path)
        }
        let header = "transform\tt\nicu\t\(systemICUVersion)\nboundaries\t0020\n"
        let table = try #require(try load(header + "ա\ta\nբ\tb\nաբ\tab-\n"))
        #expect(table.apply(Array("աբ բ".utf16)).map(UTF16Text.string) == "ab- b")
        #expect(table.apply(Array("աx".utf16)) == nil)
        #expect(try load(header.replacingOccurrences(of: systemICUVersion, with: "0.1") + "ա\ta\n") == nil)
        #expect(throws: RuleError.self) { try load(header + "ա a\n") }
        #expect(throws: RuleError.self) { try load(header + "ա\ta\nաբ\tab\n") }
    }

    /// Rows are decoded from UTF-8 by hand: letters of every length come out as their UTF-16, and bytes that
    /// are no UTF-8 (a surrogate's encoding, a stray continuation byte, a code point past U+10FFFF) are an error.
    @Test func rowsDecodeUTF8OfEveryLength() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transform-table-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func load(_ bytes: [UInt8]) throws(RuleError) -> TransformTable? {
            let path = folder.appendingPathComponent("t.tsv").path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return try TransformTable.load(id: "t", path: path)
        }
        let header = Array("transform\tt\nicu\t\(systemICUVersion)\nboundaries\t0020\nա\t".utf8)
        let table = try #require(try load(header + Array("xǰə\u{1D51E}\n".utf8)))
        #expect(table.apply(Array("ա".utf16)).map(UTF16Text.string) == "xǰə\u{1D51E}")
        #expect(throws: RuleError.self) { try load(header + [0xED, 0xA0, 0x80, 0x0A]) }
        #expect(throws: RuleError.self) { try load(header + [0x80, 0x0A]) }
        #expect(throws: RuleError.self) { try load(header + [0xF4, 0x90, 0x80, 0x80, 0x0A]) }
    }
}
