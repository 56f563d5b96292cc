import GazetteerStore

extension JSONWriter {
    /// The fields every place object starts with: `id`, `name`, `country`, `admin1`, `feature`, `lat`,
    /// `lon`, `population` (the order of the resolve output contract).
    mutating func placeFields(_ place: Place) {
        key("id"); string(place.id)
        key("name"); string(place.name)
        key("country"); string(place.country)
        key("admin1"); string(place.admin1Name)
        key("feature"); string(place.feature)
        key("lat"); number(place.latitude)
        key("lon"); number(place.longitude)
        key("population"); number(place.population)
    }

    /// A place with all its names, as `gazetteer info --format json` prints it.
    public mutating func placeInfo(_ place: Place, names: [PlaceName]) {
        beginObject()
        placeFields(place)
        key("admin2"); string(place.admin2Name)
        key("timezone"); string(place.timezone)
        key("source"); string(place.source)
        key("names")
        beginArray()
        for name in names {
            beginObject()
            key("name"); string(name.name)
            key("language"); string(name.language)
            key("kind"); string(name.kind.rawValue)
            key("source"); string(name.source)
            key("citation"); string(name.citation)
            key("searchKey"); string(name.searchKey)
            key("matchKey"); string(name.matchKey)
            endObject()
        }
        endArray()
        endObject()
    }
}
