internal import GazetteerInternals

/// A point on the earth, in degrees (WGS 84).
public struct Coordinate: Codable, Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres.
    public func distance(to other: Coordinate) -> Double {
        GazetteerStore::Coordinate(self).distance(to: GazetteerStore::Coordinate(other))
    }

    /// Whether both degrees are in range: latitude −90…90, longitude −180…180.
    var isValid: Bool { (-90...90).contains(latitude) && (-180...180).contains(longitude) }
}

/// A place of the gazetteer, with an id that does not change between data builds.
public struct Place: Codable, Hashable, Sendable {
    /// The stable id: `geonames:174884`, `curated:am-…` or `wof:85632773`.
    public var id: String
    /// The main name, e.g. "Jermuk".
    public var name: String
    /// GeoNames feature class: `P` populated place, `A` administrative division, `H` water, `T` terrain …
    public var featureClass: String
    /// GeoNames feature code within the class: `PPL`, `PPLC`, `ADM1`, `PCLI`, `LK` …
    public var featureCode: String
    /// ISO 3166-1 alpha-2 code of the country; empty for places in no country.
    public var countryCode: String
    /// The country's English name, when the gazetteer knows the country.
    public var countryName: String?
    /// GeoNames code of the first-level division within the country; empty when unknown.
    public var admin1Code: String
    public var admin1Name: String?
    /// GeoNames code of the second-level division; empty when unknown.
    public var admin2Code: String
    public var admin2Name: String?
    public var latitude: Double
    public var longitude: Double
    /// 0 when unknown.
    public var population: Int
    /// IANA time zone, e.g. `Asia/Yerevan`.
    public var timezone: String?
    /// Where the place comes from: `geonames`, `curated`, `wof`.
    public var source: String

    public init(id: String, name: String, featureClass: String, featureCode: String, countryCode: String,
                countryName: String? = nil, admin1Code: String = "", admin1Name: String? = nil,
                admin2Code: String = "", admin2Name: String? = nil, latitude: Double, longitude: Double,
                population: Int = 0, timezone: String? = nil, source: String) {
        self.id = id
        self.name = name
        self.featureClass = featureClass
        self.featureCode = featureCode
        self.countryCode = countryCode
        self.countryName = countryName
        self.admin1Code = admin1Code
        self.admin1Name = admin1Name
        self.admin2Code = admin2Code
        self.admin2Name = admin2Name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.timezone = timezone
        self.source = source
    }

    public var coordinate: Coordinate { Coordinate(latitude: latitude, longitude: longitude) }

    /// The GeoNames id of places that come from GeoNames (`geonames:174884` → 174884), else nil.
    public var geonameID: Int? { storePlace.geonameID }

    /// The name, first-level division and country, each left out where it repeats the one before:
    /// "Jermuk, Vayots Dzor, Armenia"; "Armenia".
    public var label: String { storePlace.label }

    /// `CLASS.CODE`, e.g. `P.PPL`.
    public var feature: String { storePlace.feature }
}

/// A place near a point.
public struct NearbyPlace: Codable, Hashable, Sendable {
    public var place: Place
    /// Great-circle distance from the point.
    public var distanceInKilometres: Double

    public init(place: Place, distanceInKilometres: Double) {
        self.place = place
        self.distanceInKilometres = distanceInKilometres
    }
}

/// The forms of a name that the gazetteer compares, as ``Gazetteer/normalize(_:language:)`` gives them.
///
/// For "Kəlbəcər": display "Kəlbəcər", script `Latn`, search key `kalbacar`, match key `kalbajar` (also the
/// match key of Kalbajar, Kelbecer and Кельбаджар).
public struct NormalizedName: Codable, Hashable, Sendable {
    /// The name as it should be shown: NFC, trimmed, inner whitespace collapsed to single spaces.
    public var display: String
    /// The ISO 15924 code of the script most of its letters are in (`Latn`, `Cyrl`, `Armn`, `Geor` …);
    /// `Zyyy` when it has no letters.
    public var script: String
    /// Lower-case ASCII under which trivially different writings meet: case, diacritics, apostrophes,
    /// dotted and dotless i, and the script's standard romanization.
    public var searchKey: String
    /// A coarser key, without spaces, under which romanizations of the same sounds in different
    /// conventions meet (Cermuk, Jermuk, Dzhermuk, Джермук and Ջերմուկ).
    public var matchKey: String

    public init(display: String, script: String, searchKey: String, matchKey: String) {
        self.display = display
        self.script = script
        self.searchKey = searchKey
        self.matchKey = matchKey
    }
}
