@testable import GazetteerStore
@testable import Resolution
import Testing

/// A town ahead of the division named after it: order only, never an answer under the threshold.
@Suite struct NamesakeTownsTests {
    static func entry(pid: Int64, featureClass: Character, featureCode: String) -> KeyEntry {
        KeyEntry(pid: pid, seq: 0, searchKeyHash: 1, population: 0, latitude: 39.91, longitude: 46.79,
                 country: UInt16(truncatingIfNeeded: PackedASCII.pack("AZ")), featureClass: UInt8(ascii: featureClass.unicodeScalars.first!),
                 featureCode: PackedASCII.pack(featureCode), kind: .official, source: .geonames, language: 0,
                 admin1: PackedASCII.pack("64"), script: 25)
    }

    static func ranked(townScore: Double, divisionScore: Double) -> [Resolver.Candidate] {
        var candidates = [
            Resolver.Candidate(entry: entry(pid: 1, featureClass: "P", featureCode: "PPLA"), type: .exact, feature: nil,
                               score: townScore),
            Resolver.Candidate(entry: entry(pid: 2, featureClass: "A", featureCode: "ADM1"), type: .exact, feature: nil,
                               score: divisionScore),
        ]
        Ranking.preferNamesakeTowns(&candidates, minimumScore: 0.5)
        return candidates
    }

    @Test func aTownGoesAheadOfTheDivisionNamedAfterIt() {
        let ranked = Self.ranked(townScore: 0.8, divisionScore: 0.9)
        #expect(ranked[1].score < ranked[0].score)
        #expect(ranked[1].matchScore == 0.9)
    }

    /// Found by the `resolve` fuzz target ("H+oc" + 55 × "C" + "alı Rayonu" on the annotation fixture): the
    /// town under the threshold was dropped, and the division it had moved down was answered at 0.44.
    @Test func aTownUnderTheThresholdLeavesTheDivisionsScore() {
        let ranked = Self.ranked(townScore: 0.45, divisionScore: 0.6)
        #expect(ranked[1].score == 0.6)
    }
}
