import GazetteerInternals

/// A place as Nominatim describes one: numeric id, display name, OSM-style class and type, importance.
struct NominatimPlace: Sendable {
    let place: Place
    let placeID: Int
    let name: String
    let displayName: String
    let category: String
    let type: String
    let importance: Double?

    /// - Parameter language: a language from `accept-language`: the place's name in it, when it has one,
    ///   replaces the main name in `name` and `display_name`.
    init(_ place: Place, importance: Double?, language: String?, database: GazetteerDatabase) throws {
        self.place = place
        self.importance = importance
        placeID = Self.numericID(place.id)
        var name = place.name
        if let language, let local = try database.names(of: place.id).first(where: { $0.language == language }) {
            name = local.name
        }
        self.name = name
        displayName = name == place.name ? place.label : ([name] + place.label.split(separator: ",").dropFirst()
            .map { $0.trimmingCharacters(in: .whitespaces) }).joined(separator: ", ")
        (category, type) = Self.classAndType(place)
    }

    /// Nominatim's `place_id` is a number: the GeoNames or Who's On First id where there is one, else a
    /// stable 53-bit hash of the public id (JavaScript clients read it as a double).
    static func numericID(_ id: String) -> Int {
        if let colon = id.firstIndex(of: ":"), let number = Int(id[id.index(after: colon)...]) { return number }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash & ((1 << 53) - 1))
    }

    /// OSM's class and type for a GeoNames feature, as near as the two vocabularies allow.
    static func classAndType(_ place: Place) -> (String, String) {
        switch (place.featureClass, place.featureCode) {
        case ("A", let code) where code.hasPrefix("PCL"): return ("boundary", "administrative")
        case ("A", _): return ("boundary", "administrative")
        case ("P", "PPLC"), ("P", "PPLA"): return ("place", "city")
        case ("P", _): return ("place", place.population >= 100_000 ? "city" : place.population >= 10_000 ? "town" : "village")
        case ("H", "LK"), ("H", "RSV"): return ("natural", "water")
        case ("H", "STM"): return ("waterway", "river")
        case ("H", _): return ("natural", "water")
        case ("T", "MT"), ("T", "PK"): return ("natural", "peak")
        case ("T", _): return ("natural", "land")
        case ("L", "CONT"): return ("place", "continent")
        case ("L", _): return ("place", "locality")
        case ("S", _): return ("building", "yes")
        case ("R", _): return ("highway", "road")
        case ("V", _): return ("natural", "wood")
        default: return ("place", "locality")
        }
    }

    /// Nominatim's `addresstype`/`place_rank` for jsonv2.
    var placeRank: Int {
        switch (place.featureClass, place.featureCode) {
        case ("A", let code) where code.hasPrefix("PCL"): return 4
        case ("A", "ADM1"): return 8
        case ("A", "ADM2"): return 12
        case ("P", _): return type == "city" ? 16 : type == "town" ? 18 : 19
        default: return 22
        }
    }
}

extension JSONWriter {
    static let nominatimLicence = "Data © GeoNames and Who's On First contributors, CC BY 4.0"

    /// One place in Nominatim's `json` or `jsonv2` shape (coordinates as strings, as Nominatim writes them).
    mutating func nominatimPlace(_ place: NominatimPlace, version2: Bool) {
        beginObject()
        key("place_id"); number(place.placeID)
        key("licence"); string(Self.nominatimLicence)
        key("lat"); string(String(place.place.latitude))
        key("lon"); string(String(place.place.longitude))
        if version2 {
            key("category"); string(place.category)
            key("type"); string(place.type)
            key("place_rank"); number(place.placeRank)
        } else {
            key("class"); string(place.category)
            key("type"); string(place.type)
        }
        if let importance = place.importance { key("importance"); number(importance) }
        if version2 { key("name"); string(place.name) }
        key("display_name"); string(place.displayName)
        key("boundingbox")
        beginArray()
        for value in [place.place.latitude, place.place.latitude, place.place.longitude, place.place.longitude] {
            string(String(value))
        }
        endArray()
        key("gazetteer_id"); string(place.place.id)
        endObject()
    }

    /// Nominatim's `geojson` format: a FeatureCollection whose properties are the jsonv2 fields.
    mutating func nominatimGeoJSON(_ places: [NominatimPlace]) {
        beginFeatureCollection()
        for place in places {
            beginPointFeature(place.place)
            key("place_id"); number(place.placeID)
            key("category"); string(place.category)
            key("type"); string(place.type)
            key("place_rank"); number(place.placeRank)
            if let importance = place.importance { key("importance"); number(importance) }
            key("name"); string(place.name)
            key("display_name"); string(place.displayName)
            key("gazetteer_id"); string(place.place.id)
            endObject()
            endObject()
        }
        endEnvelope()
    }

    /// The GeocodeJSON format (github.com/geocoders/geocodejson-spec) that Nominatim also writes.
    mutating func nominatimGeocodeJSON(_ places: [NominatimPlace], query: String?) {
        beginObject()
        key("type"); string("FeatureCollection")
        key("geocoding")
        beginObject()
        key("version"); string("0.1.0")
        key("attribution"); string(Attribution.text)
        key("licence"); string(Self.nominatimLicence)
        if let query { key("query"); string(query) }
        endObject()
        key("features")
        beginArray()
        for place in places {
            beginPointFeature(place.place)
            key("geocoding")
            beginObject()
            key("place_id"); number(place.placeID)
            key("type"); string(place.type)
            key("label"); string(place.displayName)
            key("name"); string(place.name)
            key("country_code"); string(place.place.country.lowercased())
            if let admin1 = place.place.admin1Name { key("state"); string(admin1) }
            key("gazetteer_id"); string(place.place.id)
            endObject()
            endObject()
            endObject()
        }
        endArray()
        endObject()
    }
}
