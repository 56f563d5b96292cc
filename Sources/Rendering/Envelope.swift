/// Who the data comes from, as the licences of the sources ask: written into every JSON and GeoJSON output.
package enum Attribution {
    public static let text = "Place data from GeoNames (geonames.org) and Who's On First (whosonfirst.org), "
        + "CC BY 4.0, with names from the Unicode CLDR; see NOTICE."
}

extension JSONWriter {
    /// Opens the object that every `--format json` output is, whatever the number of inputs:
    /// `{"attribution": …, "<items>": [`. Write the items, then close with ``endEnvelope()``.
    package mutating func beginEnvelope(items: StaticString) {
        beginObject()
        key("attribution"); string(Attribution.text)
        key(items)
        beginArray()
    }

    package mutating func endEnvelope() {
        endArray()
        endObject()
    }

    /// Opens a GeoJSON FeatureCollection with the attribution as a foreign member; close it with
    /// ``endEnvelope()``.
    package mutating func beginFeatureCollection() {
        beginObject()
        key("type"); string("FeatureCollection")
        key("attribution"); string(Attribution.text)
        key("features")
        beginArray()
    }
}
