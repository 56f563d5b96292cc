import Logging
import Synchronization
import Testing
@testable import GazetteerService

/// The text access log writes swift-log's `StreamLogHandler` lines, field for field, so that whatever reads
/// the log (people, grep, a collector's parser) sees the same lines as before the handler of its own.
@Suite struct TextLogHandlerTests {
    final class Captured: TextOutputStream, Sendable {
        let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    private func lines(_ event: LogEvent) -> (ours: String, reference: String) {
        let stream = Captured()
        var reference = StreamLogHandler(label: "gazetteer", stream: stream, metadataProvider: nil)
        var ours = TextLogHandler(label: "gazetteer")
        reference[metadataKey: "hb.request.id"] = "5bb66e58"
        ours[metadataKey: "hb.request.id"] = "5bb66e58"
        reference[metadataKey: "route"] = "overridden by the line's"
        ours[metadataKey: "route"] = "overridden by the line's"
        reference.log(event: event)
        return (ours.line(event), stream.text.withLock { $0 })
    }

    @Test func anAccessLogLineIsStreamLogHandlersLine() throws {
        let event = LogEvent(level: .info, message: "request",
                             metadata: ["request_id": "5bb66e58", "method": "GET", "route": "/v1/resolve",
                                        "status": .stringConvertible(200), "duration_ms": "2.03"],
                             source: "GazetteerService", file: #fileID, function: #function, line: #line)
        let (ours, reference) = lines(event)
        // The timestamps may fall either side of a second; all after them must be the same.
        #expect(ours.drop { $0 != " " } == reference.drop { $0 != " " })
        #expect(ours.hasSuffix(" info gazetteer: duration_ms=2.03 hb.request.id=5bb66e58 method=GET request_id=5bb66e58 "
                               + "route=/v1/resolve status=200 [GazetteerService] request\n"))
        let timestamp = try #require(ours.split(separator: " ").first)
        #expect(timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}/) != nil, "\(timestamp)")
    }

    @Test func errorsAndLinesWithoutFieldsAreWrittenAlike() {
        let failed = LogEvent(level: .error, message: "request failed", error: Failure(), metadata: ["error": "x"],
                              source: "GazetteerService", file: #fileID, function: #function, line: #line)
        let plain = LogEvent(level: .notice, message: "listening", metadata: nil, source: "Hummingbird",
                             file: #fileID, function: #function, line: #line)
        for event in [failed, plain] {
            let (ours, reference) = lines(event)
            #expect(ours.drop { $0 != " " } == reference.drop { $0 != " " })
        }
    }
}
