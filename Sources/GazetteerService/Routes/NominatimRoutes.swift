import Foundation
import GazetteerInternals
import Hummingbird

/// The subset of Nominatim's API that geocoder clients (geopy, Leaflet plugins, QGIS) call: `/search`,
/// `/reverse` and `/status`, in Nominatim's shapes, so that they work unchanged when pointed at this service.
///
/// What Nominatim has and a gazetteer does not (addresses, OSM ids, polygons) is left out rather than
/// invented; `docs/nominatim.md` lists the differences. Bounding boxes are the place's point.
struct NominatimRoutes {
    let context: RouteContext

    enum Format: String {
        case json, jsonv2, geojson, geocodejson, xml

        init(_ parameters: QueryParameters) throws {
            let text = parameters.string("format") ?? "json"
            guard let format = Format(rawValue: text), format != .xml else {
                throw APIError.badParameter("format", "must be json, jsonv2, geojson or geocodejson")
            }
            self = format
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("search") { request, _ in
            let parameters = QueryParameters(request)
            let query = try parameters.required("q")
            let format = try Format(parameters)
            let limit = try parameters.int("limit", default: 10, in: 1...50)
            let viewbox = try Self.viewbox(parameters)
            let bounded = parameters.string("bounded") == "1"
            var options = ResolveOptions(limit: bounded ? 100 : limit, countries: try parameters.countries("countrycodes"))
            if let viewbox { options.near = viewbox.center }
            let resolveOptions = options
            let language = Self.language(parameters.string("accept-language") ?? request.headers[.acceptLanguage])
            let service = context.service
            let results = try await context.compute.run { () -> [NominatimPlace] in
                var results = try service.resolver.resolve(query, options: resolveOptions).results
                // Nominatim's countrycodes is a filter, not a preference.
                let countries = resolveOptions.countries
                if !countries.isEmpty { results = results.filter { countries.contains($0.place.country) } }
                if bounded, let viewbox { results = results.filter { viewbox.contains($0.place) } }
                return try results.prefix(limit).map {
                    try NominatimPlace($0.place, importance: $0.score, language: language, database: service.database)
                }
            }
            return Self.respond(results, format: format, query: query)
        }
        router.get("reverse") { request, _ in
            let parameters = QueryParameters(request)
            let (latitude, longitude) = try parameters.latitudeLongitude()
            let format = try Format(parameters)
            let zoom = try parameters.int("zoom", default: 18, in: 0...18)
            let language = Self.language(parameters.string("accept-language") ?? request.headers[.acceptLanguage])
            let database = context.service.database
            let found = try await context.compute.run { () -> NominatimPlace? in
                try database.places(nearLatitude: latitude, longitude: longitude, limit: 1) { Self.zoom(zoom, admits: $0) }
                    .first.map { try NominatimPlace($0.place, importance: nil, language: language, database: database) }
            }
            guard let found else {
                return Responses.json { json in
                    json.beginObject()
                    json.key("error"); json.string("Unable to geocode")
                    json.endObject()
                }
            }
            switch format {
            case .json, .jsonv2: return Responses.json { $0.nominatimPlace(found, version2: format == .jsonv2) }
            case .geojson, .geocodejson, .xml: return Self.respond([found], format: format, query: nil)
            }
        }
        router.get("status") { request, _ in
            let build = context.service.build
            let format = QueryParameters(request).string("format") ?? "text"
            guard format == "text" || format == "json" else { throw APIError.badParameter("format", "must be text or json") }
            if format == "json" {
                return Responses.json { json in
                    json.beginObject()
                    json.key("status"); json.number(0)
                    json.key("message"); json.string("OK")
                    json.key("data_updated"); json.string(build)
                    json.endObject()
                }
            }
            return Responses.text("OK", contentType: "text/plain; charset=utf-8")
        }
    }

    private static func respond(_ places: [NominatimPlace], format: Format, query: String?) -> Response {
        switch format {
        case .json, .jsonv2, .xml:
            return Responses.json { json in
                json.beginArray()
                for place in places { json.nominatimPlace(place, version2: format == .jsonv2) }
                json.endArray()
            }
        case .geojson:
            return Responses.json({ $0.nominatimGeoJSON(places) }, contentType: "application/geo+json")
        case .geocodejson:
            return Responses.json({ $0.nominatimGeocodeJSON(places, query: query) }, contentType: "application/geo+json")
        }
    }

    /// The first language of an `Accept-Language` list, without region ("hy-AM;q=0.9" → "hy").
    static func language(_ header: String?) -> String? {
        guard let first = header?.split(separator: ",").first else { return nil }
        let tag = first.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
        let language = tag.split(separator: "-").first.map(String.init)?.lowercased() ?? ""
        return language.isEmpty || language == "*" ? nil : language
    }

    /// Nominatim's zoom picks the level of detail: 3 a country, 5–8 a state, 10 a city, above that anything.
    static func zoom(_ zoom: Int, admits place: Place) -> Bool {
        switch zoom {
        case ...4: return place.featureClass == "A" && place.featureCode.hasPrefix("PCL")
        case 5...8: return place.featureClass == "A" && place.featureCode == "ADM1"
        case 9...12: return place.featureClass == "P" || (place.featureClass == "A" && place.featureCode == "ADM2")
        default: return true
        }
    }

    /// `viewbox=x1,y1,x2,y2` (longitudes and latitudes, in any corner order).
    static func viewbox(_ parameters: QueryParameters) throws -> Viewbox? {
        guard let text = parameters.string("viewbox"), !text.isEmpty else { return nil }
        let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 4, values.allSatisfy(\.isFinite),
              (-180...180).contains(values[0]), (-180...180).contains(values[2]),
              (-90...90).contains(values[1]), (-90...90).contains(values[3]) else {
            throw APIError.badParameter("viewbox", "must be x1,y1,x2,y2: two longitudes and two latitudes")
        }
        return Viewbox(west: min(values[0], values[2]), east: max(values[0], values[2]),
                       south: min(values[1], values[3]), north: max(values[1], values[3]))
    }

    struct Viewbox {
        var west, east, south, north: Double

        var center: Coordinate { Coordinate(latitude: (south + north) / 2, longitude: (west + east) / 2) }

        func contains(_ place: Place) -> Bool {
            (south...north).contains(place.latitude) && (west...east).contains(place.longitude)
        }
    }
}
