import Dispatch
import Hummingbird
import Synchronization

/// Runs the library's synchronous work (resolving, annotating) off the server's event loops and the
/// cooperative pool, within the request's time budget.
///
/// The library computes without suspension points, so running it inline would stall every connection on
/// the same thread. The work goes to a concurrent dispatch queue behind a continuation. A request past its
/// budget is answered with 503 while its work, if it has started, finishes in the background and is thrown
/// away; work that has not started by then is skipped.
///
/// The budget costs a request two short locks, not a timer of its own: one watchdog per `Compute` wakes a
/// few times per budget (at most once a second) and fails the requests whose deadline has passed, so a
/// request meets its 503 up to a quarter of the budget (at most one second) late.
struct Compute: Sendable {
    let budget: Duration
    private static let queue = DispatchQueue(label: "gazetteer.compute", attributes: .concurrent)
    private let deadlines: Deadlines
    private let watchdog: Watchdog

    init(budget: Duration) {
        self.budget = budget
        deadlines = Deadlines(budget: budget)
        watchdog = Watchdog(deadlines)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let job = Job<T>()
        let deadlines = deadlines
        return try await withCheckedThrowingContinuation { continuation in
            job.start(continuation)
            let ticket = deadlines.add(job)
            Self.queue.async {
                defer { deadlines.remove(ticket) }
                // Past its deadline the request has had its answer.
                guard job.isWaiting else { return }
                job.finish(Result { try work() })
            }
        }
    }

    static func overBudget(_ budget: Duration) -> APIError {
        APIError(.serviceUnavailable, code: "time_budget",
                 "the request needed more than its time budget of \(budget); send less at once", retryAfter: 1)
    }
}

/// A request waiting for its work: answered once, by the work or by the watchdog, whichever comes first.
private final class Job<T: Sendable>: Expiring {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func start(_ waiting: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = waiting }
    }

    var isWaiting: Bool {
        continuation.withLock { $0 != nil }
    }

    func finish(_ result: Result<T, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }

    func expire(budget: Duration) {
        finish(.failure(Compute.overBudget(budget)))
    }
}

private protocol Expiring: AnyObject, Sendable {
    func expire(budget: Duration)
}

/// The deadlines of the requests in flight. Deadlines come in the order requests do (the budget is the
/// same for all), but work finishes in any order, hence a dictionary rather than a queue.
private final class Deadlines: Sendable {
    private struct Waiting {
        var next: UInt64 = 0
        var jobs: [UInt64: (deadline: ContinuousClock.Instant, job: any Expiring)] = [:]
    }

    let budget: Duration
    private let waiting = Mutex(Waiting())

    init(budget: Duration) {
        self.budget = budget
    }

    func add(_ job: any Expiring) -> UInt64 {
        let deadline = ContinuousClock.now + budget
        return waiting.withLock { waiting in
            waiting.next += 1
            waiting.jobs[waiting.next] = (deadline, job)
            return waiting.next
        }
    }

    func remove(_ ticket: UInt64) {
        _ = waiting.withLock { $0.jobs.removeValue(forKey: ticket) }
    }

    /// Answers every request whose deadline has passed with 503 (outside the lock: answering resumes a task).
    func expire(now: ContinuousClock.Instant) {
        let expired = waiting.withLock { waiting in
            let due = waiting.jobs.filter { $0.value.deadline <= now }
            for ticket in due.keys { waiting.jobs[ticket] = nil }
            return due.values.map(\.job)
        }
        for job in expired { job.expire(budget: budget) }
    }
}

/// The one timer that enforces a `Compute`'s deadlines, stopped with it. It fires on a dispatch thread, not
/// in the cooperative pool, so that whether a request is over budget is decided on time however busy that
/// pool is.
private final class Watchdog: @unchecked Sendable {
    // Unchecked: the timer is set up here and cancelled in deinit, nothing else touches it.
    private let timer: any DispatchSourceTimer

    init(_ deadlines: Deadlines) {
        let tick = max(min(deadlines.budget / 4, .seconds(1)), .milliseconds(1))
        let interval = DispatchTimeInterval.nanoseconds(Int(tick / .nanoseconds(1)))
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { deadlines.expire(now: .now) }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }
}
