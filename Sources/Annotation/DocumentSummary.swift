import GazetteerStore
import Resolution

/// What an article is about, place-wise: its countries, first-level divisions and places, each with how many
/// mentions name it or something inside it, most mentioned first.
///
/// The first country is the article's focus in CLIFF's sense; a mention of Goris counts for Goris, for
/// Syunik and for Armenia. Built mention by mention, so a streamed document is summarised without keeping
/// its mentions.
package struct DocumentSummary: Sendable, Hashable, Codable {
    /// A country, division or place and its number of mentions.
    public struct Entry: Sendable, Hashable, Codable {
        /// The place's id for places and for divisions the store has as places; empty otherwise.
        package var id: String
        public var name: String
        /// ISO 3166-1 alpha-2 code of the country (of the division or place).
        public var country: String
        /// The division's code within the country, for divisions.
        package var admin1Code: String
        public var mentions: Int
    }

    public private(set) var countries: [Entry] = []
    package private(set) var divisions: [Entry] = []
    public private(set) var places: [Entry] = []

    public init() {}

    /// Counts one mention. Mentions without a place count for nothing.
    package mutating func add(_ mention: Mention) {
        guard let place = mention.place?.place else { return }
        let isCountry = place.featureClass == "A" && place.featureCode.hasPrefix("PCL")
        let isDivision = place.featureClass == "A" && place.featureCode == "ADM1"
        if !place.country.isEmpty {
            Self.count(&countries, id: isCountry ? place.id : "", name: place.countryName ?? place.country,
                       country: place.country, admin1Code: "") { $0.country == place.country }
        }
        if !isCountry, !place.admin1.isEmpty, let division = isDivision ? place.name : place.admin1Name {
            Self.count(&divisions, id: isDivision ? place.id : "", name: division, country: place.country,
                       admin1Code: place.admin1) { $0.country == place.country && $0.admin1Code == place.admin1 }
        }
        if !isCountry, !isDivision {
            Self.count(&places, id: place.id, name: place.name, country: place.country,
                       admin1Code: place.admin1) { $0.id == place.id }
        }
    }

    /// Adds one to the entry `matches` finds, or appends a new one; keeps the list ordered by count, ties in
    /// order of first mention. Lists stay short (an article names tens of places), so a linear search is fine.
    private static func count(_ entries: inout [Entry], id: String, name: String, country: String,
                              admin1Code: String, matches: (Entry) -> Bool) {
        guard var index = entries.firstIndex(where: matches) else {
            entries.append(Entry(id: id, name: name, country: country, admin1Code: admin1Code, mentions: 1))
            return
        }
        entries[index].mentions += 1
        if entries[index].id.isEmpty { entries[index].id = id }
        while index > 0, entries[index - 1].mentions < entries[index].mentions {
            entries.swapAt(index - 1, index)
            index -= 1
        }
    }
}
