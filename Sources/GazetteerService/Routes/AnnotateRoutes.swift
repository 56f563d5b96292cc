import Foundation
import GazetteerInternals
import Hummingbird

/// `POST /v1/annotate`: the places an article names. The body is the article as `text/plain`, or JSON
/// `{"text", "country", "near"}`; the answer is the document object D as JSON, a GeoJSON FeatureCollection,
/// or the annotated HTML page, by `Accept`.
struct AnnotateRoutes {
    let context: RouteContext

    enum Representation {
        case json, geojson, html

        /// The first representation the `Accept` header names that the service has; JSON by default.
        init(accept: String?) {
            self = .json
            for item in (accept ?? "").split(separator: ",") {
                let type = item.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                switch type {
                case "application/json", "*/*", "application/*": self = .json; return
                case "application/geo+json": self = .geojson; return
                case "text/html": self = .html; return
                default: continue
                }
            }
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("v1/annotate") { request, _ in
            let parameters = QueryParameters(request)
            var options = AnnotateOptions(countries: try parameters.countries("country"), near: try parameters.point("near"))
            var request = request
            let body = try await Body.collect(&request, limit: context.configuration.bodyLimit)
            let text = try Self.text(of: body, contentType: request.headers[.contentType], options: &options)
            let representation = Representation(accept: request.headers[.accept])
            let annotator = context.service.annotator
            let placeMemo = context.service.placeMemo
            let annotateOptions = options
            let mentions = try await context.compute.run { try annotator.annotate(text, options: annotateOptions) }
            ServiceMetrics.shared.annotatedBytes.increment(by: body.count)
            switch representation {
            case .json:
                return Responses.json { json in
                    json.placeMemo = placeMemo
                    json.annotation(mentions)
                }
            case .geojson:
                return Responses.json({ json in
                    var first = true
                    json.placeMemo = placeMemo
                    json.beginFeatureCollection()
                    json.annotationFeatures(mentions, document: nil, first: &first)
                    json.endEnvelope()
                }, contentType: "application/geo+json")
            case .html:
                return Responses.text(AnnotatedPage.render(text, mentions: mentions, title: "article"),
                                      contentType: "text/html; charset=utf-8")
            }
        }
    }

    /// The article, from a plain-text body or a JSON one; JSON may also carry `country` and `near`.
    static func text(of body: [UInt8], contentType: String?, options: inout AnnotateOptions) throws -> String {
        guard !body.isEmpty else { throw APIError.badBody("the body is empty: send the article as text/plain or {\"text\": …}") }
        guard Body.mediaType(contentType) == "application/json" else { return String(decoding: body, as: UTF8.self) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw APIError.badBody("a JSON body must be an object {\"text\": …}")
        }
        guard let text = object["text"] as? String else { throw APIError.badParameter("text", "required, a string") }
        switch object["country"] {
        case nil, is NSNull: break
        case let country as String: options.countries = try QueryParameters.countries(country, parameter: "country")
        case let countries as [String]:
            // Each item one code: a blank item is a mistake here, not "no preference" as a blank list is.
            options.countries = try countries.map { item in
                guard let code = try QueryParameters.countries(item, parameter: "country").first else {
                    throw APIError.badParameter("country", "an array holds ISO 3166-1 alpha-2 codes, e.g. [\"AM\"]")
                }
                return code
            }
        default: throw APIError.badParameter("country", "must be a code or an array of codes")
        }
        switch object["near"] {
        case nil, is NSNull: break
        case let near as String:
            guard let point = Coordinate(parsing: near) else {
                throw APIError.badParameter("near", "must be \"LAT,LON\" or [LAT, LON] in degrees")
            }
            options.near = point
        case let near as [Any]:
            let numbers = near.compactMap(Self.number)
            guard near.count == 2, numbers.count == 2,
                  let point = Coordinate(parsing: "\(numbers[0]),\(numbers[1])") else {
                throw APIError.badParameter("near", "must be \"LAT,LON\" or [LAT, LON] in degrees")
            }
            options.near = point
        default: throw APIError.badParameter("near", "must be \"LAT,LON\" or [LAT, LON] in degrees")
        }
        return text
    }

    /// A JSON number; JSONSerialization also gives `true` and `false` as NSNumbers, which `as? Double`
    /// would read as 1 and 0.
    private static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }
}
