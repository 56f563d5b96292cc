/// How the service listens and what it accepts: every limit a client can meet, with the defaults
/// `gazetteer serve` documents.
public struct ServiceConfiguration: Sendable {
    /// How log lines are written: `text` for a person at a terminal, `json` for a log collector.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    /// The address to bind: loopback unless the operator says otherwise.
    public var host: String
    public var port: Int
    /// Request bodies larger than this are refused with 413.
    public var bodyLimit: Int
    /// A batch `POST /v1/resolve` may hold at most this many names (413 beyond).
    public var batchLimit: Int
    /// How long one request may compute before it is answered with 503.
    public var timeBudget: Duration
    /// Requests handled at once; more are refused with 503 and `Retry-After` rather than queued without end.
    public var maxInFlight: Int
    /// The origin allowed to call the service from a browser (`*` for any); none unless asked for.
    public var corsOrigin: String?
    public var logFormat: LogFormat

    public init(host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 5 << 20, batchLimit: Int = 10_000,
                timeBudget: Duration = .seconds(30), maxInFlight: Int = 256, corsOrigin: String? = nil,
                logFormat: LogFormat = .text) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.batchLimit = batchLimit
        self.timeBudget = timeBudget
        self.maxInFlight = maxInFlight
        self.corsOrigin = corsOrigin
        self.logFormat = logFormat
    }
}
