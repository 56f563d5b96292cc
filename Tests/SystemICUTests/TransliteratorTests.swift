import SystemICU
import Testing

@Suite struct TransliteratorTests {
    @Test(arguments: [
        ("hy-hy_Latn/BGN", "Ջերմուկ", "Jermuk"),
        ("hy-hy_Latn/BGN", "Սոթք", "Sot’k’"),
        ("ru-ru_Latn/BGN", "Джермук", "Dzhermuk"),
        ("ru-ru_Latn/BGN", "Ходжалы", "Khodzhaly"),
        ("az_Cyrl-az/BGN", "Ҹәбрајыл", "Cəbrayıl"),
        ("ka-ka_Latn/BGN", "თბილისი", "tbilisi"),
        ("Any-Latin", "Ջերմուկ", "J̌ermuk"),
        ("Latin-ASCII", "Füzuli", "Fuzuli"),
    ])
    func builtInTransforms(id: String, input: String, expected: String) throws {
        #expect(try Transliterator(id: id)(input) == expected)
    }

    @Test func customRulesCompileAndRun() throws {
        let rules = try Transliterator(rules: "c > j ; x > kh ;", name: "test")
        #expect(rules("Cermuk Xocali") == "Cermuk Xojali", "rules are case-sensitive")
        #expect(rules("cermuk xocali") == "jermuk khojali")
    }

    @Test func outputLongerThanTheFirstBufferIsComplete() throws {
        let expand = try Transliterator(rules: "a > aaaaaaaaaa ;", name: "expand")
        #expect(expand(String(repeating: "a", count: 1000)) == String(repeating: "a", count: 10_000))
    }

    @Test func unknownTransformThrows() {
        #expect(throws: ICUError.self) { try Transliterator(id: "Klingon-Latin/Imaginary") }
    }

    @Test func malformedRulesReportWhere() {
        #expect {
            try Transliterator(rules: "a > b ;\nc > [ ;", name: "broken")
        } throws: { error in
            guard case let .invalidRules(name, offset, _, _) = error as? ICUError else { return false }
            return name == "broken" && offset > 0
        }
    }

    @Test func sharedTransliteratorIsSafeFromManyTasks() async throws {
        let armenian = try Transliterator(id: "hy-hy_Latn/BGN")
        let words = ["Ջերմուկ", "Գորիս", "Վանաձոր", "Եղեգնաձոր", "Ստեփանակերտ"]
        let expected = words.map { armenian($0) }
        await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<200).flatMap { _ in words.map { armenian($0) } } }
            }
            for await results in group {
                #expect(results == Array((0..<200).flatMap { _ in expected }))
            }
        }
    }
}

@Suite struct UnicodeServicesTests {
    @Test func normalizationForms() {
        #expect(UnicodeNormalizer.nfc("Fu\u{308}zuli") == "Füzuli")
        #expect(UnicodeNormalizer.nfkcCasefold("ＢＡＫＵ") == "baku")
        // Default case folding keeps ı apart and gives İ a combining dot: the key rules handle both.
        #expect(UnicodeNormalizer.nfkcCasefold("İı") == "i\u{307}ı")
        #expect(UnicodeNormalizer.nfkcCasefold("") == "")
    }

    @Test func scripts() {
        #expect(Script.dominant(in: "Sot’k’".unicodeScalars) == .latin)
        #expect(Script.dominant(in: "Ջերմուկ-2".unicodeScalars) == .armenian)
        #expect(Script.dominant(in: "ჯერმუკი".unicodeScalars).isoCode == "Geor")
        #expect(Script.dominant(in: "2024 !".unicodeScalars) == .common)
    }

    @Test func confusableSkeletonsMatchMixedScriptLookAlikes() {
        let skeleton = ConfusableSkeleton.shared
        #expect(skeleton("Ваku") == skeleton("Baku"))
        #expect(skeleton("Baku") != skeleton("Bako"))
    }

    @Test func wordBreakKeepsPossessivesAndCamelCaseAndSplitsArmenianHyphens() {
        let breaker = WordBreaker()
        let words = { (text: String) in breaker.segments(of: text).filter { $0.kind == .letter }.map { String($0.text) } }
        #expect(words("Kalbajar's border") == ["Kalbajar's", "border"])
        #expect(words("PoliticsBaku and") == ["PoliticsBaku", "and"])
        #expect(words("Ստեփանակերտ-Երևան") == ["Ստեփանակերտ", "Երևան"])
        #expect(breaker.segments(of: "13-ին").map(\.kind) == [.number, .none, .letter])
        #expect(breaker.segments(of: "").isEmpty)
    }

    @Test func utf16ToStringReplacesUnpairedSurrogates() {
        #expect(UTF16Text.string([0x4A, 0xD800, 0x61]) == "J\u{FFFD}a")
        #expect(UTF16Text.string([0xD83C, 0xDF0D]) == "🌍")
        #expect(UTF16Text.string(Array("Ջերմուկ".utf16)) == "Ջերմուկ")
    }
}
