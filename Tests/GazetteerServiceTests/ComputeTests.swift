import Foundation
import Testing
@testable import GazetteerService

/// The time budget and the hop to the compute threads, without a server: what a request's work returns or
/// throws reaches the request, and work past its budget is answered with 503 and `Retry-After` before it
/// ends (the work's own answer would win the race otherwise).
@Suite struct ComputeTests {
    private struct Failure: Error, Equatable {}

    @Test func workReturnsItsValueOrItsError() async throws {
        let compute = Compute(budget: .seconds(5))
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<200 { group.addTask { try await compute.run { n * n } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.sorted() == (0..<200).map { $0 * $0 })
        await #expect(throws: Failure()) { try await compute.run { () throws -> Int in throw Failure() } }
    }

    @Test func workPastItsBudgetIsAnswered503WithoutWaitingForIt() async throws {
        let compute = Compute(budget: .milliseconds(50))
        do {
            _ = try await compute.run { Thread.sleep(forTimeInterval: 2) }
            Issue.record("the work past its budget was waited for")
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable && error.code == "time_budget" && error.retryAfter == 1)
        }
    }
}
