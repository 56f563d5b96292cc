import Foundation
@testable import GazetteerStore
import Testing

/// The parallel parse must hand rows to the writer exactly as a one-threaded read would: in file order,
/// with every line numbered as in the file, however the file is cut into runs and whichever parser thread
/// finishes first.
@Suite struct ImportPipelineTests {
    typealias Support = StoreTestSupport

    /// Lines of every kind a run boundary may fall between: rows, comments, blank lines, CRLF endings, and
    /// rows the parser rejects; the last has no line break.
    static func sample(in folder: URL) -> String {
        var lines: [String] = []
        for number in 1...3000 {
            switch number % 11 {
            case 0: lines.append("# comment \(number)")
            case 5: lines.append("")
            case 7: lines.append("bad\t\(number)\r")
            default: lines.append("row\t\(number)" + (number % 3 == 0 ? "\r" : ""))
            }
        }
        return Support.write(lines.joined(separator: "\n"), to: "sample.txt", in: folder)
    }

    /// Parses `row\tN` into (N, line) and rejects `bad` rows, slowly for some so that threads finish out of order.
    static let parse: @Sendable (TabularRow) throws(ImportError) -> [Int]? = { row throws(ImportError) in
        let number = try row.integer(1, "number")
        if try row.text(0, "tag") == "bad" { throw row.error("tag", "bad row \(number)") }
        if number % 97 == 0 { usleep(200) }
        return [number, row.line]
    }

    static func consumeAll(_ path: String, parsers: Int, blockSize: Int) throws -> (items: [String], rows: Int) {
        var items: [String] = []
        let rows = try ImportPipeline.run(reader: try LineReader(path: path, blockSize: blockSize), parsers: parsers,
                                          parse: parse) { item, _, _ in
            switch item {
            case let .record(values): items.append("\(values[0])@\(values[1])")
            case let .rowError(error): items.append(error.description)
            }
        }
        return (items, rows)
    }

    @Test func parallelParsersDeliverRowsAndErrorsInFileOrderWithTheirLines() throws {
        let path = Self.sample(in: Support.scratch())
        let expected = try Self.consumeAll(path, parsers: 1, blockSize: 1 << 20)
        #expect(expected.items.count == 3000 - 272 - 273)  // no comments nor blank lines
        #expect(expected.items.first == "1@1" && expected.items.last == "3000@3000")
        #expect(expected.items.contains("\(path):7: error: field 'tag': bad row 7"))
        #expect(expected.rows == expected.items.count)
        for (parsers, blockSize) in [(4, 64), (3, 1000), (2, 7)] {
            let parallel = try Self.consumeAll(path, parsers: parsers, blockSize: blockSize)
            #expect(parallel.items == expected.items, "\(parsers) parsers, \(blockSize)-byte reads")
            #expect(parallel.rows == expected.rows)
        }
    }

    @Test func aFailingWriterStopsEveryThreadAndRethrows() throws {
        struct WriterFailed: Error {}
        let path = Self.sample(in: Support.scratch())
        var consumed = 0
        #expect(throws: WriterFailed.self) {
            _ = try ImportPipeline.run(reader: try LineReader(path: path, blockSize: 64), parsers: 3,
                                       parse: Self.parse) { _, _, _ in
                consumed += 1
                if consumed == 100 { throw WriterFailed() }
            }
        }
        #expect(consumed == 100)
    }

    @Test func aReadFailureComesAfterTheRowsReadBeforeIt() throws {
        let folder = Support.scratch()
        let source = Self.sample(in: folder)
        let compressed = try Support.gzip(source)
        let truncated = folder.appendingPathComponent("truncated.txt.gz")
        try compressed.prefix(compressed.count * 2 / 3).write(to: truncated)
        var consumed = 0
        #expect(throws: ImportError.self) {
            _ = try ImportPipeline.run(reader: try LineReader(path: truncated.path, blockSize: 256), parsers: 3,
                                       parse: Self.parse) { _, _, _ in consumed += 1 }
        }
        #expect(consumed > 0)
    }
}
