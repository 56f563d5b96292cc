import Foundation
import GazetteerStore

extension ContextRanker {
    /// A reading of one group: the group's index and the name's id.
    struct Reading: Hashable {
        var group: Int
        var nid: Int64
    }

    /// How far from a county's point a town of that county may lie: most counties are under 80 km across.
    static let countyReach = 40.0

    /// Readings that pair a town with a county the document also names, the town lying in the county (same
    /// first-level division, within ``countyReach``): "Huntsville" beside "Walker County" is Huntsville,
    /// Texas, and "Richmond" beside "Madison County" is Richmond, Kentucky, though each name alone means a
    /// larger namesake. Any reading of the other mention counts, not only its current best: the two names
    /// decide together, while a best reading would hold each one to the other's larger namesake.
    /// Only names in `keys` (search keys by group) that end in one of `divisionWords` may be counties ("Walker
    /// County", not "Johnson" or "New York"), and not beside a town named in the county's name ("Boone" and
    /// "Boone County" say nothing about which Boone). A name that pairs in more than one first-level division
    /// leaves the choice to the rest of the document.
    static func countyPairs(_ groups: [Group], keys: [Int: String], divisionWords: Set<String>) -> Set<Reading> {
        let county = PackedASCII.pack("ADM2")
        var counties: [Int64: [(group: Int, entry: KeyEntry)]] = [:]
        for (index, key) in keys {
            let words = key.split(separator: " ")
            guard words.count > 1, let last = words.last, divisionWords.contains(String(last)) else { continue }
            for candidate in groups[index].candidates
            where candidate.entry.featureClass == UInt8(ascii: "A") && candidate.entry.featureCode == county {
                counties[Context.cell(candidate.entry), default: []].append((index, candidate.entry))
            }
        }
        guard !counties.isEmpty else { return [] }
        var pairs: [(town: Reading, county: Reading)] = []
        var divisions: [Int: Set<UInt64>] = [:]
        for (index, group) in groups.enumerated() {
            for candidate in group.candidates where candidate.entry.featureClass == UInt8(ascii: "P") {
                let town = candidate.entry
                let latitude = Int64((town.latitude / 2).rounded(.down))
                let longitude = Int64((town.longitude / 2).rounded(.down))
                let scale = cos(Double(town.latitude) * .pi / 180)
                for dLat in -1...1 {
                    for dLon in -1...1 {
                        let cell = Context.cell(latitude: latitude + Int64(dLat), longitude: longitude + Int64(dLon))
                        for (other, entry) in counties[cell] ?? []
                        where groups[other].keyID != group.keyID && entry.country == town.country
                            && entry.admin1 == town.admin1
                            && Context.distance(entry, town, longitudeScale: scale) <= countyReach {
                            if let townKey = keys[index], let countyKey = keys[other],
                               countyKey.hasPrefix(townKey + " ") || townKey.hasPrefix(countyKey + " ") { continue }
                            pairs.append((Reading(group: index, nid: town.nid), Reading(group: other, nid: entry.nid)))
                            divisions[index, default: []].insert(Context.division(town))
                            divisions[other, default: []].insert(Context.division(town))
                        }
                    }
                }
            }
        }
        var readings: Set<Reading> = []
        for (town, county) in pairs where divisions[town.group]?.count == 1 && divisions[county.group]?.count == 1 {
            readings.insert(town)
            readings.insert(county)
        }
        return readings
    }
}
