import Foundation
import Logging

/// Log lines as JSON objects, one per line on standard error, for log collectors: `timestamp`, `level`,
/// `message` and each metadata field at the top level (`request_id`, `route`, `status`, `duration_ms` …).
struct JSONLogHandler: MetadataDictionaryLogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let label: String

    func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        fields["timestamp"] = Date().formatted(.iso8601)
        fields["level"] = event.level.rawValue
        fields["message"] = "\(event.message)"
        fields["logger"] = label
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        line.append(UInt8(ascii: "\n"))
        // A log line that cannot be written (stderr closed or full) is dropped rather than fatal.
        try? FileHandle.standardError.write(contentsOf: line)
    }
}

/// A log handler whose metadata is its `metadata` dictionary, as both of the service's are.
protocol MetadataDictionaryLogHandler: LogHandler {}

extension MetadataDictionaryLogHandler {
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}

extension ServiceConfiguration.LogFormat {
    /// Sets the process's log handler; call once, before the first logger is made.
    public func bootstrap() {
        switch self {
        case .text: LoggingSystem.bootstrap { TextLogHandler(label: $0) }
        case .json: LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        }
    }
}
