import Foundation
import GazetteerStore
import Resolution

/// Chooses among the places each mention may mean using the rest of the document: places named elsewhere
/// in it (Istisu next to Jermuk is Jermuk), its dominant countries and divisions, and the spatial coherence
/// of the whole set (prefer the reading whose places lie close together).
enum ContextRanker {
    struct Choice {
        /// Candidates with their final scores, best first.
        var ranked: [(candidate: Resolver.Candidate, score: Double)]
    }

    /// Re-scores every mention's candidates in two rounds: the first round's confident choices are the
    /// context of the second.
    static func rank(_ mentions: [MentionDetector.Found], countries preferred: [String]) -> [Choice] {
        let preferredCountries = Set(preferred.map { UInt16(truncatingIfNeeded: PackedASCII.pack($0.uppercased())) })
        var choices = mentions.map { mention in
            Choice(ranked: mention.candidates.prefix(24).map { candidate in
                var score = candidate.score
                if !preferredCountries.isEmpty { score *= preferredCountries.contains(candidate.entry.country) ? 1 : 0.7 }
                return (candidate, score)
            })
        }
        for _ in 0..<2 {
            let context = Context(choices: choices, mentions: mentions)
            for index in choices.indices where choices[index].ranked.count > 1 || true {
                choices[index].ranked = mentions[index].candidates.prefix(24).map { candidate in
                    var base = candidate.score
                    if !preferredCountries.isEmpty { base *= preferredCountries.contains(candidate.entry.country) ? 1 : 0.7 }
                    let support = context.support(for: candidate.entry, excluding: index)
                    return (candidate, min(1, base * (0.72 + 0.28 * support) + 0.06 * support))
                }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.entry.pid < $1.0.entry.pid }
            }
        }
        return choices
    }

    /// What the document says about where it is: the current best reading of each mention.
    struct Context {
        struct Anchor {
            var entry: KeyEntry
            var weight: Double
            var mention: Int
            /// The mention's text as a search key: mentions of the same text share one ambiguity and must
            /// not vote for each other, nor mentions that matched the same name ("Dublin" and "Dublin
            /// Village").
            var key: String
        }

        var anchors: [Anchor] = []
        var countryWeight: [UInt16: Double] = [:]
        var divisionWeight: [UInt64: Double] = [:]
        var total = 0.0

        let keys: [String]

        init(choices: [Choice], mentions: [MentionDetector.Found]) {
            keys = mentions.map(\.key)
            for (index, choice) in choices.enumerated() {
                guard let best = choice.ranked.first else { continue }
                let second = choice.ranked.dropFirst().first?.score ?? 0
                // A clear reading weighs more than a coin toss.
                let weight = best.score * (best.score - second >= 0.1 ? 1.0 : 0.4)
                anchors.append(Anchor(entry: best.candidate.entry, weight: weight, mention: index, key: mentions[index].key))
                countryWeight[best.candidate.entry.country, default: 0] += weight
                divisionWeight[Self.division(best.candidate.entry), default: 0] += weight
                total += weight
            }
        }

        static func division(_ entry: KeyEntry) -> UInt64 {
            UInt64(entry.country) << 48 ^ entry.admin1
        }

        /// How well a reading fits the rest of the document, in 0…1.
        func support(for entry: KeyEntry, excluding mention: Int) -> Double {
            guard total > 0 else { return 0.5 }
            var ownWeight = 0.0
            var sameCountry = countryWeight[entry.country, default: 0]
            var sameDivision = divisionWeight[Self.division(entry), default: 0]
            var nearest = Double.infinity
            var coreference = false
            for anchor in anchors {
                if anchor.mention == mention || anchor.key == keys[mention] || anchor.entry.nid == entry.nid {
                    ownWeight += anchor.weight
                    if anchor.entry.country == entry.country { sameCountry -= anchor.weight }
                    if Self.division(anchor.entry) == Self.division(entry) { sameDivision -= anchor.weight }
                    continue
                }
                if anchor.entry.pid == entry.pid { coreference = true }
                let distance = Self.distance(anchor.entry, entry)
                if distance < nearest { nearest = distance }
            }
            let others = max(total - ownWeight, 1e-9)
            if coreference { return 1 }
            let countryShare = max(0, sameCountry) / others
            let divisionShare = max(0, sameDivision) / others
            let proximity = nearest.isFinite ? exp(-nearest / 200) : 0
            return min(1, 0.45 * countryShare + 0.2 * divisionShare + 0.35 * proximity)
        }

        static func distance(_ a: KeyEntry, _ b: KeyEntry) -> Double {
            Coordinate(latitude: Double(a.latitude), longitude: Double(a.longitude))
                .distance(to: Coordinate(latitude: Double(b.latitude), longitude: Double(b.longitude)))
        }
    }
}
