import ArgumentParser
import Dispatch
import GazetteerInternals
import GazetteerService

/// `gazetteer serve`: the gazetteer as an HTTP service (routes in docs/openapi.yaml).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve resolve, annotate, reverse geocoding and a Nominatim-compatible API over HTTP.",
        discussion: """
            Binds to loopback unless --host says otherwise. SIGTERM or SIGINT stops accepting, finishes the \
            requests in flight and exits 0. The OpenAPI document is at /openapi.yaml, metrics at /metrics.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "How log lines are written: text or json.")
    var logFormat: ServiceConfiguration.LogFormat = .text

    @Option(help: ArgumentHelp("Largest request body accepted, in bytes.", valueName: "bytes"))
    var bodyLimit = ServiceConfiguration().bodyLimit

    @Option(help: "Most names in one batch resolve request.")
    var batchLimit = ServiceConfiguration().batchLimit

    @Option(help: ArgumentHelp("Longest a request may compute before it is answered with 503.", valueName: "seconds"))
    var timeBudget = 30.0

    @Option(help: "Most requests handled at once; more are answered with 503 and Retry-After.")
    var maxInFlight = ServiceConfiguration().maxInFlight

    @Option(help: ArgumentHelp("Allow browsers on this origin to call the service (* for any).", valueName: "origin"))
    var cors: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard bodyLimit > 0, batchLimit > 0, maxInFlight > 0 else {
            throw ValidationError("--body-limit, --batch-limit and --max-in-flight must be positive")
        }
        guard timeBudget > 0, timeBudget.isFinite else { throw ValidationError("--time-budget must be positive") }
    }

    func run() throws {
        logFormat.bootstrap()
        let service = try GazetteerService(database: try database.open())
        let configuration = ServiceConfiguration(
            host: host, port: port, bodyLimit: bodyLimit, batchLimit: batchLimit,
            timeBudget: .milliseconds(Int(timeBudget * 1000)), maxInFlight: maxInFlight, corsOrigin: cors,
            logFormat: logFormat)
        // The root command is synchronous (every other subcommand is); the server runs on Swift concurrency's
        // threads while this one waits for it to stop.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await service.run(configuration) } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private final class Outcome: @unchecked Sendable {
        // Written by the server task before it signals, read after the wait: the semaphore orders them.
        var error: (any Error)?
    }
}

extension ServiceConfiguration.LogFormat: ExpressibleByArgument {}
