import GazetteerStore

extension Ranking {
    /// How far a division's point may lie from a town's for the town to be the place the division is named
    /// after: GeoNames puts a small division's point at or near its main town (Xankəndi's 1 km from
    /// Stepanakert, Kalbajar's 20 km from Kalbajar the town), a large one's far from any town of its name
    /// (New York State's 250 km from the city).
    static let namesakeTownDistance = 30.0

    /// Puts a populated place ahead of a division that bears its name and (nearly) its point, when the query
    /// names no kind of place: a bare "Stepanakert" or "Kalbajar" in the news is the town, while "Kalbajar
    /// district" still asks for the division. The division keeps its match score, so that thresholds are
    /// unchanged; only the order is. A town whose match scores under `minimumScore` is not answered, so it
    /// moves nothing: else the division alone would be answered with a score under the threshold.
    static func preferNamesakeTowns(_ candidates: inout [Resolver.Candidate], minimumScore: Double) {
        guard !candidates.contains(where: { $0.feature != nil }) else { return }
        let towns = candidates.filter { $0.entry.featureClass == UInt8(ascii: "P") && $0.matchScore >= minimumScore }
        guard !towns.isEmpty else { return }
        for index in candidates.indices {
            let division = candidates[index]
            guard division.entry.featureClass == UInt8(ascii: "A"), !Codes.countries.contains(division.entry.featureCode)
            else { continue }
            let namesake = towns.filter { town in
                isNamesakeTown(town.entry, of: division.entry) && quality(town.type) >= quality(division.type)
            }.map(\.score).max()
            if let namesake, namesake <= division.score { candidates[index].score = namesake * 0.99 }
        }
    }

    /// Whether `town` lies inside `division` (in its first-level division, when `division` is one) and within
    /// ``namesakeTownDistance`` of its point.
    static func isNamesakeTown(_ town: KeyEntry, of division: KeyEntry) -> Bool {
        guard town.country == division.country,
              division.featureCode != Codes.adm1 || town.admin1 == division.admin1 else { return false }
        let point = Coordinate(latitude: Double(division.latitude), longitude: Double(division.longitude))
        return point.distance(to: Coordinate(latitude: Double(town.latitude), longitude: Double(town.longitude)))
            <= namesakeTownDistance
    }
}
