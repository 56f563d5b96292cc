import GazetteerFixture
import Resolution
import SystemICU
import Testing

/// The readings of a Latin query (`rules/readings.tsv`) run without ICU on ASCII search keys: each must be
/// ICU's own transform of the key, on random keys heavy in the letters that call for it and on real names.
@Suite struct ReadingInterpreterTests {
    let readings = try! ResolverRules(normalizer: FixtureGazetteer.normalizer).readings

    /// Random lower-case ASCII keys from `alphabet` (a fixed seed: the same keys every run).
    static func keys(count: Int, alphabet: String) -> [String] {
        let letters = Array(alphabet.utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            return String(decoding: (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return letters[Int(state >> 33) % letters.count]
            }, as: UTF8.self)
        }
    }

    @Test func theSearchKeyReadingsRunWithoutICU() {
        // reading-key.txt and messenger-reading.txt are ASCII rules; the Armenian–Georgian reading is not.
        #expect(readings.filter { $0.input == .searchKey }.allSatisfy { $0.interpreter != nil })
    }

    @Test func interpretedReadingsEqualICUOnRandomKeys() {
        let keys = Self.keys(count: 6000, alphabet: "aaeeiioouuyy cchhjjqqxkkzsdtgw bflmnprv0'-")
        for reading in readings where reading.interpreter != nil {
            for key in keys {
                #expect(reading.read(key) == reading.rules(key), "\(key)")
            }
        }
    }

    @Test func interpretedReadingsEqualICUOnRealNames() {
        let names = ["cahkadzor", "nojakert", "vayoc dzor", "karmraqar", "dzhermuk", "khodzhaly", "shchuchye",
                     "tskhinvali", "chiatura", "kutaisi", "ijevan", "hrazdan", "yeghegnadzor", "gyumri", "vanadzor",
                     "qax", "xacmaz", "hodzij", "khodzij", "cəbrayıl", "zhytomyr", "dijon", "ajaccio", "hijar", "fujairah", "ejmiatsin"]
        for reading in readings where reading.interpreter != nil {
            for name in names {
                #expect(reading.read(name) == reading.rules(name), "\(name)")
            }
        }
    }
}
