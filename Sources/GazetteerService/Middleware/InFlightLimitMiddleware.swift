import Hummingbird
import Synchronization

/// Refuses requests beyond a bound on those in flight with 503 and `Retry-After`, so that a burst meets a
/// quick, retryable answer instead of a queue that grows until every request times out.
struct InFlightLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int
    private let count = Counter()

    init(limit: Int) {
        self.limit = limit
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard count.enter(below: limit) else {
            throw APIError(.serviceUnavailable, code: "busy",
                           "the service is handling \(limit) requests; try again shortly", retryAfter: 1)
        }
        defer { count.leave() }
        return try await next(request, context)
    }

    private final class Counter: Sendable {
        private let value = Mutex(0)

        func enter(below limit: Int) -> Bool {
            value.withLock { value in
                guard value < limit else { return false }
                value += 1
                return true
            }
        }

        func leave() {
            value.withLock { $0 -= 1 }
        }
    }
}
