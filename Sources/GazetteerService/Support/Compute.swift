import Dispatch
import Hummingbird

/// Runs the library's synchronous work (resolving, annotating) off the server's event loops and the
/// cooperative pool, within the request's time budget.
///
/// The library computes without suspension points, so running it inline would stall every connection on
/// the same thread; a request past its budget is answered with 503 while its work finishes in the
/// background and is thrown away.
struct Compute: Sendable {
    let budget: Duration
    private let queue = DispatchQueue(label: "gazetteer.compute", attributes: .concurrent)

    init(budget: Duration) {
        self.budget = budget
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    queue.async { continuation.resume(with: Result { try work() }) }
                }
            }
            group.addTask {
                try await Task.sleep(for: budget)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw APIError(.serviceUnavailable, code: "time_budget",
                               "the request needed more than its time budget of \(budget); send less at once",
                               retryAfter: 1)
            }
            return value
        }
    }
}
