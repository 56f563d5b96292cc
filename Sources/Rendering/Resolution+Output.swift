import Foundation
import GazetteerStore
import Resolution

extension JSONWriter {
    /// The result object R (docs/schema/result.schema.json): the place fields, `score`, and `match`
    /// (`name`, `kind`, `language`, `type`, `source`, and `distance` for fuzzy matches).
    package mutating func resolvedPlace(_ result: ResolvedPlace) {
        beginObject()
        resultFields(result)
        endObject()
    }

    private mutating func resultFields(_ result: ResolvedPlace) {
        placeFields(result.place)
        key("score"); number(result.score)
        key("match")
        beginObject()
        key("name"); string(result.match.name)
        key("kind"); string(result.match.kind.rawValue)
        key("language"); string(result.match.language)
        key("type"); string(result.match.type.label)
        key("source"); string(result.match.source)
        if case let .fuzzy(distance, _) = result.match.type { key("distance"); number(distance) }
        endObject()
    }

    /// `{"query": Q, "results": [R…]}`.
    public mutating func resolution(_ resolution: Resolution) {
        beginObject()
        key("query"); string(resolution.query)
        key("results")
        beginArray()
        for result in resolution.results { resolvedPlace(result) }
        endArray()
        endObject()
    }

    /// A GeoJSON (RFC 7946) Feature for one result: a Point in longitude, latitude order, with the query, the
    /// result's rank and the result object's fields as properties.
    package mutating func geoJSONFeature(_ result: ResolvedPlace, query: String, rank: Int) {
        beginPointFeature(result.place)
        key("query"); string(query)
        key("rank"); number(rank)
        resultFields(result)
        endObject()
        endObject()
    }

    /// Opens a GeoJSON Feature at the place's point and its `properties` object; the caller writes the
    /// properties and closes both objects.
    package mutating func beginPointFeature(_ place: Place) {
        beginObject()
        key("type"); string("Feature")
        key("geometry")
        beginObject()
        key("type"); string("Point")
        key("coordinates")
        beginArray()
        number(place.longitude)
        number(place.latitude)
        endArray()
        endObject()
        key("properties")
        beginObject()
    }
}

/// CSV (RFC 4180) rows of resolution results.
package enum CSVOutput {
    /// The result object's fields, flattened: `match.name` becomes `match_name`, as everywhere in the schema.
    public static let header = "query,rank,id,geonameid,name,label,country,admin1,admin1_code,admin2,feature,"
        + "feature_class,feature_code,lat,lon,population,source,score,match_name,match_kind,match_language,"
        + "match_type,match_source,match_distance\r\n"
    private static let columns = header.split(separator: ",").count

    /// One row per result; a query without results gets one row with only the query.
    public static func rows(_ resolution: Resolution) -> String {
        if resolution.results.isEmpty {
            return field(resolution.query) + String(repeating: ",", count: columns - 1) + "\r\n"
        }
        var text = ""
        for (index, result) in resolution.results.enumerated() {
            let place = result.place
            var distance = ""
            if case let .fuzzy(value, _) = result.match.type { distance = String(value) }
            let fields = [resolution.query, String(index + 1), place.id, place.geonameID.map(String.init) ?? "",
                          place.name, place.label, place.country, place.admin1Name ?? "", place.admin1,
                          place.admin2Name ?? "", place.feature, place.featureClass, place.featureCode,
                          String(place.latitude), String(place.longitude), String(place.population), place.source,
                          String(result.score), result.match.name, result.match.kind.rawValue,
                          result.match.language, result.match.type.label, result.match.source, distance]
            text += fields.map(field).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One field, quoted when RFC 4180 needs it. Text that a spreadsheet would run as a formula (`=cmd|…`,
    /// `+`, `-`, `@`, a leading tab or return) gets a leading apostrophe, as OWASP advises; numbers such as
    /// a negative longitude stay as they are.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension TextReport {
    /// Results as aligned lines for a terminal.
    public static func resolution(_ resolution: Resolution) -> String {
        TerminalText.sanitized(resolutionLines(resolution))
    }

    private static func resolutionLines(_ resolution: Resolution) -> String {
        guard !resolution.results.isEmpty else { return "\(resolution.query): no place\n" }
        var text = "\(resolution.query):\n"
        for (index, result) in resolution.results.enumerated() {
            let place = result.place
            let location = [place.admin1Name, place.country.isEmpty ? nil : place.country].compactMap { $0 }
                .joined(separator: ", ")
            var how = "\(result.match.type.label) \"\(result.match.name)\" (\(result.match.kind.rawValue), \(result.match.language))"
            if case let .fuzzy(distance, _) = result.match.type { how += " at distance \(distance)" }
            text += "  \(index + 1). " + String(format: "%.3f", result.score) + "  \(place.name)  \(place.feature)  \(location)"
            text += "  \(place.id)  pop \(place.population)\n       \(how)\n"
        }
        return text
    }
}
