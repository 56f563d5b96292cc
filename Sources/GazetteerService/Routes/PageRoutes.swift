import Foundation
import GazetteerInternals
import Hummingbird

/// The page for people at `/`: `GET /` shows the forms, `GET /?q=NAME` the ranked places with a map, and
/// `POST /` (a form with `text`) the annotated article with its map, through the command line's renderers.
struct PageRoutes {
    let context: RouteContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let parameters = QueryParameters(request)
            guard let query = parameters.string("q"), !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                return Responses.text(ServicePage.home(), contentType: "text/html; charset=utf-8")
            }
            let resolver = context.service.resolver
            let resolution = try await context.compute.run { try resolver.resolve(query, options: ResolveOptions(limit: 10)) }
            return Responses.text(ServicePage.resolution(resolution, outlines: context.service.outlines),
                                  contentType: "text/html; charset=utf-8")
        }
        router.post("/") { request, _ in
            var request = request
            let body = try await Body.collect(&request, limit: context.configuration.bodyLimit)
            let text = try Self.formField("text", in: body)
            let annotator = context.service.annotator
            let mentions = try await context.compute.run { try annotator.annotate(text) }
            ServiceMetrics.shared.annotatedBytes.increment(by: body.count)
            return Responses.text(AnnotatedPage.render(text, mentions: mentions, title: "article",
                                                       outlines: context.service.outlines),
                                  contentType: "text/html; charset=utf-8")
        }
    }

    /// A field of an `application/x-www-form-urlencoded` body, as browsers send forms.
    static func formField(_ name: String, in body: [UInt8]) throws -> String {
        var components = URLComponents()
        components.percentEncodedQuery = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
        guard let value = components.queryItems?.first(where: { $0.name == name })?.value else {
            throw APIError.badParameter(name, "required: the form's text field")
        }
        return value
    }
}
