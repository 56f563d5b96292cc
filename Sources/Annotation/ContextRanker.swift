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
        /// Whether the best reading may stand: always, unless every mention of the text needed the
        /// support of the document's other places and found none.
        var supported = true
    }

    /// How many candidates of each mention are weighed.
    static let breadth = 24
    /// The most rounds of re-ranking: each costs one pass over the document's distinct names.
    static let rounds = 4

    /// Mentions of one text: they share their readings, so a name repeated through a long document is
    /// weighed once.
    struct Group {
        var candidates: ArraySlice<Resolver.Candidate>
        /// Which search key the text has: mentions of one key share one ambiguity and must not vote for
        /// each other ("Goris" and "GORIS").
        var keyID: Int
        var count = 0
        /// Every mention of the text needs the document's support (see `MentionDetector.Found.needsContext`).
        var needsContext = true
    }

    /// The choices for a document's mentions: one per distinct text, shared by its mentions.
    struct Ranking {
        /// Per distinct text.
        var choices: [Choice]
        /// Per mention, the index of its text's choice.
        var choiceOfMention: [Int]
    }

    /// The mentions of earlier windows of a long document, one group per distinct text in order of first
    /// mention: the context that later windows carry forward, bounded by the document's vocabulary of place
    /// names rather than by its length.
    struct Carried {
        var groups: [Group] = []
        var groupOfText: [String: Int] = [:]
        var keyIDs: [String: Int] = [:]
    }

    /// Re-scores every mention's candidates in two rounds: the first round's confident choices are the
    /// context of the second.
    /// A town and a county the document names together, the town in the county, settle each other
    /// (`divisionWords` tell a county's name as written: see ``countyPairs(_:keys:divisionWords:)``).
    /// With `carried`, the groups of earlier windows take part as context (and come first among the
    /// choices); on return it also holds this window's.
    static func rank(_ mentions: [MentionDetector.Found], carried: inout Carried, countries preferred: [String],
                     near: Coordinate?, divisionWords: Set<String> = []) -> Ranking {
        let preferredCountries = Set(preferred.map { UInt16(truncatingIfNeeded: PackedASCII.pack($0.uppercased())) })
        func base(_ candidate: Resolver.Candidate) -> Double {
            var score = candidate.score
            if !preferredCountries.isEmpty { score *= preferredCountries.contains(candidate.entry.country) ? 1 : 0.7 }
            if let near { score *= Resolver.nearness(of: candidate.entry, to: near) }
            return score
        }
        var groups = carried.groups
        var keyIDs = carried.keyIDs
        let groupOfMention = mentions.map { mention in
            let group = carried.groupOfText[mention.text] ?? {
                let keyID = keyIDs[mention.key] ?? keyIDs.count
                keyIDs[mention.key] = keyID
                groups.append(Group(candidates: mention.candidates.prefix(breadth), keyID: keyID))
                carried.groupOfText[mention.text] = groups.count - 1
                return groups.count - 1
            }()
            groups[group].count += 1
            groups[group].needsContext = groups[group].needsContext && mention.needsContext
            return group
        }
        carried.groups = groups
        carried.keyIDs = keyIDs
        var choices = groups.map { group in Choice(ranked: group.candidates.map { ($0, base($0)) }) }
        let keyOfGroup = Dictionary(zip(groupOfMention, mentions.map(\.key)), uniquingKeysWith: { first, _ in first })
        let countyPairs = Self.countyPairs(groups, keys: keyOfGroup, divisionWords: divisionWords)
        // Rounds until the best readings settle: one round's choices are the next one's context. Two rounds can
        // leave a name on a reading its neighbours have just left ("Dublin" beside "Dublin Village" and "State
        // of Ohio" moves to Ohio only in the third).
        for _ in 0..<Self.rounds {
            let context = Context(groups: groups, choices: choices, keyCount: keyIDs.count)
            var changed = false
            for index in groups.indices {
                let previous = choices[index].ranked.first?.candidate.entry.pid
                choices[index].ranked = groups[index].candidates.map { candidate in
                    let paired = countyPairs.contains(Reading(group: index, nid: candidate.entry.nid))
                    let support = paired ? 1 : context.support(for: candidate.entry, keyID: groups[index].keyID)
                    return (candidate, min(1, base(candidate) * (0.65 + 0.35 * support) + 0.06 * support))
                }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.entry.pid < $1.0.entry.pid }
                changed = changed || choices[index].ranked.first?.candidate.entry.pid != previous
            }
            if !changed { break }
        }
        // Mentions that need support get it only from mentions that do not: "Toyota" and "Honda" must not
        // vouch for each other.
        let sure = Context(groups: groups, choices: choices, keyCount: keyIDs.count, including: { !groups[$0].needsContext })
        for index in groups.indices where groups[index].needsContext {
            guard let best = choices[index].ranked.first?.candidate.entry else { continue }
            choices[index].supported = sure.corroborates(best, keyID: groups[index].keyID)
        }
        return Ranking(choices: choices, choiceOfMention: groupOfMention)
    }

    /// What the document says about where it is: the current best reading of each mention, summed.
    struct Context {
        struct Anchor {
            var entry: KeyEntry
            var weight: Double
            var keyID: Int
        }

        private struct OwnDivision: Hashable {
            var keyID: Int
            var division: UInt64
        }

        private var anchors: [Anchor] = []
        private var total = 0.0
        private var countryWeight: [UInt16: Double] = [:]
        private var divisionWeight: [UInt64: Double] = [:]
        /// Per search key: its anchors' weight, in all and by country and division (to take a mention's own
        /// votes out of its context).
        private var ownTotal: [Double]
        private var ownCountry: [Int: Double] = [:]
        private var ownDivision: [OwnDivision: Double] = [:]
        /// Anchors by place, and by two-degree cell for proximity. Each list keeps a few anchors of distinct
        /// texts only: one more "Chicago" in a cell that has ten adds no evidence, and capping keeps a
        /// 20-megabyte document linear.
        private var byPlace: [Int64: [Int]] = [:]
        private var grid: [Int64: [Int]] = [:]
        private static let distinctPerList = 4
        /// Up to this many anchors, scanning them all costs less than asking the grid.
        private static let shortDocument = 48

        init(groups: [Group], choices: [Choice], keyCount: Int, including: (Int) -> Bool = { _ in true }) {
            ownTotal = Array(repeating: 0, count: keyCount)
            for (index, (group, choice)) in zip(groups, choices).enumerated() where including(index) {
                guard let best = choice.ranked.first else { continue }
                let second = choice.ranked.dropFirst().first?.score ?? 0
                // A clear reading weighs more than a coin toss.
                let weight = best.score * (best.score - second >= 0.1 ? 1.0 : 0.4) * Double(group.count)
                let entry = best.candidate.entry
                let anchor = Anchor(entry: entry, weight: weight, keyID: group.keyID)
                Self.add(anchors.count, of: anchor, to: &byPlace[entry.pid, default: []], in: anchors)
                if groups.count > Self.shortDocument {
                    Self.add(anchors.count, of: anchor, to: &grid[Self.cell(entry), default: []], in: anchors)
                }
                anchors.append(anchor)
                countryWeight[entry.country, default: 0] += weight
                divisionWeight[Self.division(entry), default: 0] += weight
                ownCountry[group.keyID << 16 | Int(entry.country), default: 0] += weight
                ownDivision[OwnDivision(keyID: group.keyID, division: Self.division(entry)), default: 0] += weight
                ownTotal[group.keyID] += weight
                total += weight
            }
        }

        private static func add(_ index: Int, of anchor: Anchor, to list: inout [Int], in anchors: [Anchor]) {
            guard list.count < distinctPerList,
                  !list.contains(where: { anchors[$0].keyID == anchor.keyID && anchors[$0].entry.nid == anchor.entry.nid })
            else { return }
            list.append(index)
        }

        static func division(_ entry: KeyEntry) -> UInt64 {
            UInt64(entry.country) << 48 ^ entry.admin1
        }

        /// Cells of two degrees: the nine around a place hold every anchor within about 220 km of it.
        static func cell(_ entry: KeyEntry) -> Int64 {
            cell(latitude: Int64(floor(entry.latitude / 2)), longitude: Int64(floor(entry.longitude / 2)))
        }

        static func cell(latitude: Int64, longitude: Int64) -> Int64 {
            (latitude + 45) * 1000 + (longitude + 90)
        }

        /// An anchor that may vote for a reading: not of the same text, nor of the same name ("Dublin",
        /// "Dublin Village").
        private func counts(_ anchor: Anchor, for entry: KeyEntry, keyID: Int) -> Bool {
            anchor.keyID != keyID && anchor.entry.nid != entry.nid
        }

        /// How well a reading fits the rest of the document, in 0…1.
        func support(for entry: KeyEntry, keyID: Int) -> Double {
            let others = total - ownTotal[keyID]
            guard others > 1e-9 else { return 0.5 }
            // Another name of the same place, chosen elsewhere: the strongest evidence there is.
            if let indices = byPlace[entry.pid], indices.contains(where: { counts(anchors[$0], for: entry, keyID: keyID) }) {
                return 1
            }
            let sameCountry = countryWeight[entry.country, default: 0] - ownCountry[keyID << 16 | Int(entry.country), default: 0]
            let division = Self.division(entry)
            let sameDivision = divisionWeight[division, default: 0]
                - ownDivision[OwnDivision(keyID: keyID, division: division), default: 0]
            let nearest = nearestAnchor(to: entry, keyID: keyID)
            let countryShare = max(0, sameCountry) / others
            let divisionShare = max(0, sameDivision) / others
            let proximity = nearest.isFinite ? exp(-nearest / 200) : 0
            return min(1, 0.35 * countryShare + 0.35 * divisionShare + 0.3 * proximity)
        }

        /// Kilometres to the nearest anchor that may vote for `entry` (infinity beyond about 250 km): among
        /// all of them in a short document, in the grid cells around otherwise.
        private func nearestAnchor(to entry: KeyEntry, keyID: Int) -> Double {
            var nearest = Double.infinity
            let longitudeScale = cos(Double(entry.latitude) * .pi / 180)
            func consider(_ index: Int) {
                guard counts(anchors[index], for: entry, keyID: keyID) else { return }
                nearest = min(nearest, Self.distance(anchors[index].entry, entry, longitudeScale: longitudeScale))
            }
            if anchors.count <= Self.shortDocument {
                for index in anchors.indices { consider(index) }
            } else {
                let latitude = Int64(floor(entry.latitude / 2))
                let longitude = Int64(floor(entry.longitude / 2))
                for dLat in -1...1 {
                    for dLon in -1...1 {
                        for index in grid[Self.cell(latitude: latitude + Int64(dLat), longitude: longitude + Int64(dLon))] ?? [] {
                            consider(index)
                        }
                    }
                }
            }
            return nearest > 250 ? .infinity : nearest
        }

        /// Whether another place of the document vouches for a reading: the same place by another name,
        /// a place in the same first-level division or within 250 km (100 km for a village), or, for a sizeable
        /// place, any place in its country.
        func corroborates(_ entry: KeyEntry, keyID: Int) -> Bool {
            guard total - ownTotal[keyID] > 1e-9 else { return false }
            if let indices = byPlace[entry.pid], indices.contains(where: { counts(anchors[$0], for: entry, keyID: keyID) }) {
                return true
            }
            let division = Self.division(entry)
            if divisionWeight[division, default: 0] - ownDivision[OwnDivision(keyID: keyID, division: division), default: 0] > 1e-9 {
                return true
            }
            // A hamlet that shares a surname ("Welch" in a Kansas City story, Welch, Oklahoma) must be closer.
            if nearestAnchor(to: entry, keyID: keyID) <= (Resolver.importance(of: entry) < 0.7 ? 100 : 250) { return true }
            let country = countryWeight[entry.country, default: 0] - ownCountry[keyID << 16 | Int(entry.country), default: 0]
            return country > 1e-9 && Resolver.importance(of: entry) >= 0.8
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
