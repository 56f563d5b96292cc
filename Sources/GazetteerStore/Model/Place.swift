/// A place: one row of the gazetteer, with a stable id other tools can keep.
///
/// Ids are `geonames:<geonameid>` for GeoNames places, `curated:<cc>-<slug>` for places of the curated
/// overlay and `wof:<id>` for Who's On First places GeoNames lacks, and they do not change between builds.
public struct Place: Hashable, Sendable, Codable {
    /// The stable public id, e.g. `geonames:174884`.
    package var id: String
    /// The main name (GeoNames' `name` column, or the curated English name).
    public var name: String
    /// GeoNames feature class (`P` populated place, `A` administrative division, `H` water, `T` terrain,
    /// `L` area …) and code (`PPL`, `PPLC`, `ADM1`, `PCLI`, `LK` …).
    package var featureClass: String
    package var featureCode: String
    /// ISO 3166-1 alpha-2 country code; empty for places in no country.
    public var country: String
    /// GeoNames first- and second-level division codes within the country, and their names.
    public var admin1: String
    package var admin2: String
    package var admin1Name: String?
    package var admin2Name: String?
    package var latitude: Double
    package var longitude: Double
    package var population: Int
    package var timezone: String?
    /// Where the place comes from: `geonames`, `curated`, `wof` …
    public var source: String
    /// The country's English name, when the store knows the country.
    package var countryName: String?

    public init(id: String, name: String, featureClass: String, featureCode: String, country: String,
                admin1: String = "", admin2: String = "", admin1Name: String? = nil, admin2Name: String? = nil,
                latitude: Double, longitude: Double, population: Int = 0, timezone: String? = nil,
                source: String, countryName: String? = nil) {
        self.id = id
        self.name = name
        self.featureClass = featureClass
        self.featureCode = featureCode
        self.country = country
        self.admin1 = admin1
        self.admin2 = admin2
        self.admin1Name = admin1Name
        self.admin2Name = admin2Name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.timezone = timezone
        self.source = source
        self.countryName = countryName
    }

    /// `CLASS.CODE`, e.g. `P.PPL`.
    package var feature: String { "\(featureClass).\(featureCode)" }

    /// The GeoNames id, for places that come from GeoNames (`geonames:174884` → 174884).
    package var geonameID: Int? {
        id.hasPrefix("geonames:") ? Int(id.dropFirst("geonames:".count)) : nil
    }

    /// How a person would name the place unambiguously: the name, its first-level division and its country,
    /// each left out where it repeats the one before ("Jermuk, Vayots Dzor, Armenia"; "Armenia").
    public var label: String {
        // Built in place: every result written carries a label, and arrays of the parts cost more than the rest
        // of the place's output.
        var label = name
        var last = name
        func add(_ part: String?) {
            guard let part, !part.isEmpty, part != last else { return }
            label.append(", ")
            label.append(part)
            last = part
        }
        add(admin1Name)
        add(countryName ?? (country.isEmpty ? nil : country))
        return label
    }
}
