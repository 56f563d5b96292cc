import Foundation
import GazetteerInternals
import Hummingbird
import NIOCore

/// `GET /v1/resolve?q=…` (one name) and `POST /v1/resolve` (a batch, answered as NDJSON in order, streamed).
struct ResolveRoutes {
    let context: RouteContext
    /// Names resolved per unit of work in a batch: large enough to amortise a hop to the compute queue,
    /// small enough that the first lines reach the client at once.
    private static let chunk = 256

    func register(on router: Router<BasicRequestContext>) {
        router.get("v1/resolve") { request, _ in
            let parameters = QueryParameters(request)
            let query = try parameters.required("q")
            let options = try parameters.resolveOptions()
            let resolver = context.service.resolver
            // A name asked before is answered here, without a hop to the compute queue and back.
            let resolution: Resolution
            if let remembered = resolver.rememberedResolution(query, options: options) {
                resolution = remembered
            } else {
                resolution = try await context.compute.run { try resolver.resolve(query, options: options) }
            }
            ServiceMetrics.shared.resolvedNames.increment()
            return Responses.json { $0.resolution(resolution) }
        }
        router.post("v1/resolve") { request, _ in
            let options = try QueryParameters(request).resolveOptions()
            var request = request
            let body = try await Body.collect(&request, limit: context.configuration.bodyLimit)
            let names = try BatchNames.parse(body, contentType: request.headers[.contentType])
            guard names.count <= context.configuration.batchLimit else {
                throw APIError(.contentTooLarge, code: "too_large",
                               "a batch holds at most \(context.configuration.batchLimit) names; this one has \(names.count)")
            }
            let resolver = context.service.resolver
            let compute = context.compute
            let stream = ResponseBody { writer in
                for start in stride(from: 0, to: names.count, by: Self.chunk) {
                    let part = Array(names[start..<min(names.count, start + Self.chunk)])
                    let lines: [UInt8]
                    do {
                        lines = try await compute.run {
                            Self.lines(try part.map { try resolver.resolve($0, options: options) })
                        }
                    } catch let error as APIError {
                        // The status line is gone: the failure becomes the stream's last line.
                        try await writer.write(ByteBuffer(bytes: error.json + Array("\n".utf8)))
                        break
                    }
                    ServiceMetrics.shared.resolvedNames.increment(by: part.count)
                    try await writer.write(ByteBuffer(bytes: lines))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: stream)
        }
    }

    private static func lines(_ resolutions: [Resolution]) -> [UInt8] {
        var json = JSONWriter()
        for resolution in resolutions {
            json.resolution(resolution)
            json.raw("\n")
        }
        return json.bytes
    }
}

/// The names of a batch: a JSON array of strings, or NDJSON whose lines are strings or `{"q": …}` objects.
enum BatchNames {
    static func parse(_ body: [UInt8], contentType: String?) throws -> [String] {
        let start = body.firstIndex { !(UInt8(ascii: " ") == $0 || (9...13).contains($0)) }
        // An empty body is a client that forgot to send the names, not a batch of none (`[]` is that).
        guard let start else { throw APIError.badBody("the body is empty: send a JSON array of names or NDJSON") }
        let isJSON = Body.mediaType(contentType) == "application/json"
        if isJSON, body[start] != UInt8(ascii: "[") {
            throw APIError.badBody("an application/json body must be an array of names; send one name per line as application/x-ndjson")
        }
        if body[start] == UInt8(ascii: "[") {
            guard let names = try? JSONSerialization.jsonObject(with: Data(body)) as? [Any] else {
                throw APIError.badBody("a JSON array of names must be well-formed JSON")
            }
            return try names.enumerated().map { index, value in
                guard let name = value as? String else { throw APIError.badBody("item \(index + 1) is not a string") }
                return name
            }
        }
        var names: [String] = []
        for (number, line) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            if let name = value as? String {
                names.append(name)
            } else if let name = (value as? [String: Any])?["q"] as? String {
                names.append(name)
            } else {
                throw APIError.badBody("line \(number + 1): each NDJSON line is a JSON string or an object with \"q\"")
            }
        }
        return names
    }
}

/// Reading request bodies within the limit, with the service's error shape.
enum Body {
    /// The media type of a `Content-Type` header, without parameters, lowercased ("application/json").
    static func mediaType(_ contentType: String?) -> String? {
        contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func collect(_ request: inout Request, limit: Int) async throws -> [UInt8] {
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "too_large", "the request body is larger than \(limit) bytes")
        }
    }
}
