import Hummingbird

/// Answers a known path asked with a method it does not serve with 405 and `Allow`, where Hummingbird's
/// router answers 404: a client that sends `PUT /v1/resolve` learns that the route exists and what it takes.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods of each route, as docs/openapi.yaml lists them (a test keeps the two equal); `{id}` stands
    /// for one path segment.
    static var routes: [String: [HTTPRequest.Method]] {
        [
            "/v1/resolve": [.get, .post], "/v1/annotate": [.post], "/v1/places/{id}": [.get],
            "/v1/reverse": [.get], "/v1/normalize": [.post], "/health": [.get], "/ready": [.get],
            "/metrics": [.get], "/openapi.yaml": [.get], "/search": [.get], "/reverse": [.get], "/status": [.get],
            "/": [.get, .post],
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = Self.methods(path: request.uri.path), !methods.contains(request.method) else { throw error }
            let allow = methods.map(\.rawValue).joined(separator: ", ")
            var response = try APIError(.methodNotAllowed, code: "method_not_allowed",
                                        "\(request.uri.path) answers \(allow), not \(request.method.rawValue)")
                .response(from: request, context: context)
            response.headers[.allow] = allow
            return response
        }
    }

    static func methods(path: String) -> [HTTPRequest.Method]? {
        if let methods = routes[path] { return methods }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 4, segments[1] == "v1", segments[2] == "places", !segments[3].isEmpty else { return nil }
        return routes["/v1/places/{id}"]
    }
}
