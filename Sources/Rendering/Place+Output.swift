import GazetteerStore

extension JSONWriter {
    /// The fields of the place object P (docs/schema/place.schema.json), in the contract's order: `id`,
    /// `geonameid`, `name`, `label`, `country`, `admin1`, `admin1_code`, `admin2`, `feature`, `feature_class`,
    /// `feature_code`, `lat`, `lon`, `population`, `source`.
    mutating func placeFields(_ place: Place) {
        remembered(place.id, in: placeMemo) { $0.writePlaceFields(place) }
    }

    private mutating func writePlaceFields(_ place: Place) {
        key("id"); string(place.id)
        key("geonameid"); if let id = place.geonameID { number(id) } else { null() }
        key("name"); string(place.name)
        key("label"); string(place.label)
        key("country"); string(place.country)
        key("admin1"); string(place.admin1Name)
        key("admin1_code"); string(place.admin1)
        key("admin2"); string(place.admin2Name)
        key("feature"); string(place.feature)
        key("feature_class"); string(place.featureClass)
        key("feature_code"); string(place.featureCode)
        key("lat"); number(place.latitude)
        key("lon"); number(place.longitude)
        key("population"); number(place.population)
        key("source"); string(place.source)
    }

    /// A place with all its names, as `gazetteer info --format json` prints it.
    package mutating func placeInfo(_ place: Place, names: [PlaceName]) {
        beginObject()
        placeFields(place)
        key("admin2_code"); string(place.admin2)
        key("timezone"); string(place.timezone)
        key("names")
        beginArray()
        for name in names {
            beginObject()
            key("name"); string(name.name)
            key("language"); string(name.language)
            key("kind"); string(name.kind.rawValue)
            key("source"); string(name.source)
            key("citation"); string(name.citation)
            key("search_key"); string(name.searchKey)
            key("match_key"); string(name.matchKey)
            endObject()
        }
        endArray()
        endObject()
    }
}

extension JSONWriter {
    /// A place near a point: the place object P with `distance` in kilometres (three decimals).
    package mutating func nearbyPlace(_ nearby: NearbyPlace) {
        beginObject()
        placeFields(nearby.place)
        key("distance"); number((nearby.distance * 1000).rounded() / 1000)
        endObject()
    }
}
