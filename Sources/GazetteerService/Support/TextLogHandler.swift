import GazetteerInternals
import Glibc
import Logging
import Synchronization

/// Log lines as swift-log's `StreamLogHandler` writes them to standard error, field for field
/// (`2026-12-07T16:25:04+0000 info gazetteer: duration_ms=2.03 method=GET … [GazetteerService] request`),
/// at a fraction of its cost: the access log writes one line per request, and `StreamLogHandler` asks the
/// C library for the local time of every line (which checks `/etc/localtime` on disk each time) and builds
/// the line through several intermediate strings. Here the timestamp is formatted once a second and the line
/// goes out in one `write`.
struct TextLogHandler: MetadataDictionaryLogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let label: String

    /// The line `event` makes, with its newline.
    func line(_ event: LogEvent) -> String {
        // The handler's fields and the line's, the line's winning, sorted by key: an array rather than a
        // merged dictionary, which would hash every key again.
        let explicit = event.metadata ?? [:]
        var fields = metadata.filter { explicit[$0.key] == nil }.map { ($0.key, $0.value) }
        fields += explicit.map { ($0.key, $0.value) }
        if let error = event.error {
            fields.append(("error.message", "\(error)"))
            fields.append(("error.type", "\(String(reflecting: type(of: error)))"))
        }
        fields.sort { $0.0 < $1.0 }
        var line = Clock.shared.timestamp()
        line += " \(event.level)"
        if !label.isEmpty { line += " \(label)" }
        line += ":"
        for (key, value) in fields {
            line += " \(key)=\(value)"
        }
        line += " [\(event.source)] \(event.message)\n"
        return line
    }

    func log(event: LogEvent) {
        // One write for the whole line, so that lines of concurrent requests never interleave; a line that
        // cannot be written (stderr closed or full) is dropped rather than fatal.
        var bytes = line(event)
        _ = bytes.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// The local time in `StreamLogHandler`'s format (`%Y-%m-%dT%H:%M:%S%z`), formatted again only when the
    /// second changes.
    final class Clock: Sendable {
        static let shared = Clock()
        private let last = Mutex<(second: time_t, text: String)>((-1, ""))

        func timestamp() -> String {
            let now = time(nil)
            if let text = last.withLock({ $0.second == now ? $0.text : nil }) { return text }
            var seconds = now
            var parts = tm()
            var buffer = [CChar](repeating: 0, count: 64)
            guard localtime_r(&seconds, &parts) != nil,
                  strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts) > 0 else { return "<unknown>" }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            last.withLock { $0 = (now, text) }
            return text
        }
    }
}
