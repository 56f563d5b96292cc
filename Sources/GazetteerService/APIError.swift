import Foundation
import GazetteerInternals
import Hummingbird

/// A request the service cannot answer, as the client sees it: an HTTP status and
/// `{"error": {"code", "message"}}`, where `code` is stable for programs and `message` is for people.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable, machine-readable reason: `bad_parameter`, `not_found`, `too_large`, `busy` …
    public var code: String
    public var message: String
    /// Seconds after which a refused request may be tried again (503).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    /// A query parameter or body field that is missing or malformed, naming it.
    static func badParameter(_ name: String, _ problem: String) -> APIError {
        APIError(.badRequest, code: "bad_parameter", "\(name): \(problem)")
    }

    static func badBody(_ problem: String) -> APIError {
        APIError(.badRequest, code: "bad_body", problem)
    }

    /// `{"error": {"code", "message"}}`: the body of an error response, and the last line of a stream that
    /// failed after its status was sent.
    var json: [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("error")
        json.beginObject()
        json.key("code"); json.string(code)
        json.key("message"); json.string(message)
        json.endObject()
        json.endObject()
        return json.bytes
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// Gives every failure the service's error shape: errors that are not the API's own (a damaged database, a
/// bug) become a 500 with `{"error": {"code": "internal", …}}`, and Hummingbird's own HTTP errors (unknown
/// route, wrong method) keep their status with a JSON body.
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such route" : error.status.reasonPhrase)
            throw APIError(error.status, code: error.status == .notFound ? "not_found" : "http_error", message)
        } catch {
            context.logger.error("request failed", metadata: ["error": .string("\(error)")])
            throw APIError(.internalServerError, code: "internal", "\(error)")
        }
    }
}
