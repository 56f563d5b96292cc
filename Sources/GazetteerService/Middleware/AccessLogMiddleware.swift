import Dispatch
import Hummingbird
import Logging

/// One log line per request, when it has been answered: request id, method, route, status and duration.
/// A route rather than the path keeps names people look up out of the logs' cardinality (and their privacy).
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, context: context, status: status, start: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: HTTPResponse.Status, start: UInt64) {
        let hundredths = (DispatchTime.now().uptimeNanoseconds - start + 5_000) / 10_000
        let fraction = hundredths % 100
        context.logger.info("request", metadata: [
            "request_id": .string(context.id),
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status.code),
            // Milliseconds with two decimals, without Foundation's String(format:) on every request.
            "duration_ms": .string("\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"),
        ])
    }
}
