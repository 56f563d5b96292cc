import Foundation
import GazetteerStore
import Resolution

extension JSONWriter {
    /// The result object R of the output contract: `id`, `name`, `country`, `admin1`, `feature`, `lat`,
    /// `lon`, `population`, `score`, `match` (`name`, `kind`, `language`, and `type`, with `distance` for
    /// fuzzy matches).
    public mutating func resolvedPlace(_ result: ResolvedPlace) {
        beginObject()
        placeFields(result.place)
        key("score"); number(result.score)
        key("match")
        beginObject()
        key("name"); string(result.match.name)
        key("kind"); string(result.match.kind.rawValue)
        key("language"); string(result.match.language)
        key("type"); string(result.match.type.label)
        if case let .fuzzy(distance, _) = result.match.type { key("distance"); number(distance) }
        endObject()
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

    /// A GeoJSON (RFC 7946) Feature for one result: a Point in longitude, latitude order, with the result's
    /// fields and the query as properties.
    public mutating func geoJSONFeature(_ result: ResolvedPlace, query: String, rank: Int) {
        beginObject()
        key("type"); string("Feature")
        key("geometry")
        beginObject()
        key("type"); string("Point")
        key("coordinates")
        beginArray()
        number(result.place.longitude)
        number(result.place.latitude)
        endArray()
        endObject()
        key("properties")
        beginObject()
        key("query"); string(query)
        key("rank"); number(rank)
        key("id"); string(result.place.id)
        key("name"); string(result.place.name)
        key("country"); string(result.place.country)
        key("admin1"); string(result.place.admin1Name)
        key("feature"); string(result.place.feature)
        key("population"); number(result.place.population)
        key("score"); number(result.score)
        key("matchName"); string(result.match.name)
        key("matchKind"); string(result.match.kind.rawValue)
        key("matchLanguage"); string(result.match.language)
        key("matchType"); string(result.match.type.label)
        endObject()
        endObject()
    }
}

/// CSV (RFC 4180) rows of resolution results.
public enum CSVOutput {
    public static let header = "query,rank,id,name,country,admin1,feature,lat,lon,population,score,match_name,"
        + "match_kind,match_language,match_type,match_distance\r\n"

    /// One row per result; a query without results gets one row with only the query.
    public static func rows(_ resolution: Resolution) -> String {
        if resolution.results.isEmpty { return field(resolution.query) + String(repeating: ",", count: 15) + "\r\n" }
        var text = ""
        for (index, result) in resolution.results.enumerated() {
            let place = result.place
            var distance = ""
            if case let .fuzzy(value, _) = result.match.type { distance = String(value) }
            let fields = [resolution.query, String(index + 1), place.id, place.name, place.country,
                          place.admin1Name ?? "", place.feature, String(place.latitude), String(place.longitude),
                          String(place.population), String(result.score), result.match.name,
                          result.match.kind.rawValue, result.match.language, result.match.type.label, distance]
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
