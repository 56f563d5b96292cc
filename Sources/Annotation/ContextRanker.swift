import Foundation
import GazetteerStore
import Resolution

/// Chooses among the places each mention may mean using the rest of the document: places named elsewhere
/// in it (Istisu next to Jermuk is Jermuk), its dominant countries and divisions, and the spatial coherence
/// of the whole set (prefer the reading whose places lie close together).
///
/// The context is built once per round from every mention's current best reading and answers each
/// question in constant time (sums by country, division and place; a grid of anchor points), so a
/// 20-megabyte input costs no more per mention than a short article.
enum ContextRanker {
    struct Choice {
        /// Candidates with their final scores, best first.
        var ranked: [(candidate: Resolver.Candidate, score: Double)]
    }

    /// How many candidates of each mention are weighed.
    static let breadth = 24

    /// Re-scores every mention's candidates in two rounds: the first round's confident choices are the
    /// context of the second.
    static func rank(_ mentions: [MentionDetector.Found], countries preferred: [String]) -> [Choice] {
        let preferredCountries = Set(preferred.map { UInt16(truncatingIfNeeded: PackedASCII.pack($0.uppercased())) })
        func base(_ candidate: Resolver.Candidate) -> Double {
            guard !preferredCountries.isEmpty else { return candidate.score }
            return candidate.score * (preferredCountries.contains(candidate.entry.country) ? 1 : 0.7)
        }
        var choices = mentions.map { mention in
            Choice(ranked: mention.candidates.prefix(breadth).map { ($0, base($0)) })
        }
        for _ in 0..<2 {
            let context = Context(choices: choices, mentions: mentions)
            // A reading's support depends only on the mention's text, so a name repeated through a long
            // document is weighed once.
            var rankedByText: [String: [(candidate: Resolver.Candidate, score: Double)]] = [:]
            for index in choices.indices {
                if let ranked = rankedByText[mentions[index].text] {
                    choices[index].ranked = ranked
                    continue
                }
                choices[index].ranked = mentions[index].candidates.prefix(breadth).map { candidate in
                    let support = context.support(for: candidate.entry, mention: index)
                    return (candidate, min(1, base(candidate) * (0.72 + 0.28 * support) + 0.06 * support))
                }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.entry.pid < $1.0.entry.pid }
                rankedByText[mentions[index].text] = choices[index].ranked
            }
        }
        return choices
    }

    /// What the document says about where it is: the current best reading of each mention, summed.
    struct Context {
        struct Anchor {
            var entry: KeyEntry
            var weight: Double
            /// The mention's text as a search key: mentions of the same text share one ambiguity and must
            /// not vote for each other, nor mentions that matched the same name ("Dublin", "Dublin Village").
            var key: String
        }

        private var anchors: [Anchor] = []
        private let keys: [String]
        private var total = 0.0
        private var countryWeight: [UInt16: Double] = [:]
        private var divisionWeight: [UInt64: Double] = [:]
        /// Per mention text: its anchors' weight, by country and by division (to take a mention's own
        /// votes out of its context).
        private var ownCountry: [String: [UInt16: Double]] = [:]
        private var ownDivision: [String: [UInt64: Double]] = [:]
        private var ownTotal: [String: Double] = [:]
        /// Anchors by place, and by one-degree cell for proximity. Each list keeps a few anchors of distinct
        /// texts only: one more "Chicago" in a cell that has ten adds no evidence, and capping keeps a
        /// 20-megabyte document linear.
        private var byPlace: [Int64: [Int]] = [:]
        private var grid: [Int64: [Int]] = [:]
        private static let distinctPerList = 4

        init(choices: [Choice], mentions: [MentionDetector.Found]) {
            keys = mentions.map(\.key)
            for (index, choice) in choices.enumerated() {
                guard let best = choice.ranked.first else { continue }
                let second = choice.ranked.dropFirst().first?.score ?? 0
                // A clear reading weighs more than a coin toss.
                let weight = best.score * (best.score - second >= 0.1 ? 1.0 : 0.4)
                let entry = best.candidate.entry
                let key = keys[index]
                let anchor = Anchor(entry: entry, weight: weight, key: key)
                Self.add(anchors.count, of: anchor, to: &byPlace[entry.pid, default: []], in: anchors)
                Self.add(anchors.count, of: anchor, to: &grid[Self.cell(entry), default: []], in: anchors)
                anchors.append(anchor)
                countryWeight[entry.country, default: 0] += weight
                divisionWeight[Self.division(entry), default: 0] += weight
                ownCountry[key, default: [:]][entry.country, default: 0] += weight
                ownDivision[key, default: [:]][Self.division(entry), default: 0] += weight
                ownTotal[key, default: 0] += weight
                total += weight
            }
        }

        private static func add(_ index: Int, of anchor: Anchor, to list: inout [Int], in anchors: [Anchor]) {
            guard list.count < distinctPerList,
                  !list.contains(where: { anchors[$0].key == anchor.key && anchors[$0].entry.nid == anchor.entry.nid })
            else { return }
            list.append(index)
        }

        static func division(_ entry: KeyEntry) -> UInt64 {
            UInt64(entry.country) << 48 ^ entry.admin1
        }

        static func cell(_ entry: KeyEntry) -> Int64 {
            cell(latitude: Int64(floor(entry.latitude)), longitude: Int64(floor(entry.longitude)))
        }

        static func cell(latitude: Int64, longitude: Int64) -> Int64 {
            (latitude + 90) * 1000 + (longitude + 180)
        }

        /// An anchor that may vote for a reading of mention `mention`: not the same text, not the same name.
        private func counts(_ anchor: Anchor, for entry: KeyEntry, mention: Int) -> Bool {
            anchor.key != keys[mention] && anchor.entry.nid != entry.nid
        }

        /// How well a reading fits the rest of the document, in 0…1.
        func support(for entry: KeyEntry, mention: Int) -> Double {
            let key = keys[mention]
            let others = total - ownTotal[key, default: 0]
            guard others > 1e-9 else { return 0.5 }
            // Another name of the same place, chosen elsewhere: the strongest evidence there is.
            if let indices = byPlace[entry.pid], indices.contains(where: { counts(anchors[$0], for: entry, mention: mention) }) {
                return 1
            }
            let sameCountry = countryWeight[entry.country, default: 0] - (ownCountry[key]?[entry.country] ?? 0)
            let division = Self.division(entry)
            let sameDivision = divisionWeight[division, default: 0] - (ownDivision[key]?[division] ?? 0)
            // The nearest other anchor within about two cells.
            var nearest = Double.infinity
            let longitudeScale = cos(Double(entry.latitude) * .pi / 180)
            let latitude = Int64(floor(entry.latitude))
            let longitude = Int64(floor(entry.longitude))
            for dLat in -2...2 {
                for dLon in -2...2 {
                    for index in grid[Self.cell(latitude: latitude + Int64(dLat), longitude: longitude + Int64(dLon))] ?? []
                    where counts(anchors[index], for: entry, mention: mention) {
                        nearest = min(nearest, Self.distance(anchors[index].entry, entry, longitudeScale: longitudeScale))
                    }
                }
            }
            let countryShare = max(0, sameCountry) / others
            let divisionShare = max(0, sameDivision) / others
            let proximity = nearest.isFinite ? exp(-nearest / 200) : 0
            return min(1, 0.45 * countryShare + 0.2 * divisionShare + 0.35 * proximity)
        }

        /// Kilometres between two places a few degrees apart, `longitudeScale` being the cosine of their
        /// latitude: the flat-earth approximation errs by under one percent at that range and needs no
        /// trigonometry per pair.
        static func distance(_ a: KeyEntry, _ b: KeyEntry, longitudeScale: Double) -> Double {
            let kilometresPerDegree = 111.195
            let dLat = Double(a.latitude - b.latitude)
            let dLon = Double(a.longitude - b.longitude) * longitudeScale
            return kilometresPerDegree * (dLat * dLat + dLon * dLon).squareRoot()
        }
    }
}
