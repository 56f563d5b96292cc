import Foundation

/// Runs the reading half of an import on a second thread: reading, decompressing, parsing, validating and
/// computing name keys take about as long as writing rows to SQLite, and a build machine has two cores.
///
/// The reader thread hands rows over in batches through a bounded channel, so memory stays bounded
/// whatever the file's size; row errors travel with the batch and are reported in file order; a failure on
/// either side stops both.
enum ImportPipeline {
    /// One parsed row, or the error that made it unusable.
    enum Item<Record: Sendable>: Sendable {
        case record(Record)
        case rowError(ImportError)
    }

    struct Batch<Record: Sendable>: Sendable {
        var items: [Item<Record>] = []
        /// How far into the file the reader was, in bytes and rows, for progress.
        var bytesRead = 0
        var rowsRead = 0
    }

    /// Reads `reader` on a second thread with `parse`, and calls `consume` on this thread for each row.
    /// - Returns: how many rows the file had, leaving out blank lines and comments.
    /// - Parameters:
    ///   - parse: turns a row into a record; nil skips the row silently (a comment, a header, a name of a
    ///     place not in the store). It runs on the reader thread only, in file order.
    ///   - consume: receives records and row errors in file order.
    static func run<Record: Sendable>(
        reader: LineReader, parse: @escaping (TabularRow) throws(ImportError) -> Record?,
        consume: (Item<Record>, _ bytesRead: Int, _ rowsRead: Int) throws -> Void
    ) throws -> Int {
        let channel = Channel<Batch<Record>>(capacity: 8)
        let failure = FailureBox()
        let work = ReaderWork(reader: reader, parse: parse)
        let thread = Thread {
            do {
                var batch = Batch<Record>()
                while let bytes = try work.reader.next() {
                    let row = TabularRow(bytes, file: work.reader.path, line: work.reader.lineNumber)
                    if row.isCommentOrBlank { continue }
                    work.rows += 1
                    do throws(ImportError) {
                        if let record = try work.parse(row) { batch.items.append(.record(record)) }
                    } catch {
                        batch.items.append(.rowError(error))
                    }
                    if batch.items.count == 1024 {
                        batch.bytesRead = work.reader.bytesRead
                        batch.rowsRead = work.rows
                        guard channel.send(batch) else { return }
                        batch = Batch()
                    }
                }
                batch.bytesRead = work.reader.bytesRead
                batch.rowsRead = work.rows
                _ = channel.send(batch)
            } catch {
                failure.error = error
            }
            channel.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
        defer {
            channel.cancel()
            channel.waitUntilFinished()
        }
        while let batch = channel.receive() {
            for item in batch.items { try consume(item, batch.bytesRead, batch.rowsRead) }
        }
        if let error = failure.error { throw error }
        // The reader thread wrote `rows` before finishing the channel, whose lock orders it before this read.
        return work.rows
    }

    /// The reader and parser, handed to the reader thread; nothing else touches them until it finishes.
    private final class ReaderWork<Record>: @unchecked Sendable {
        let reader: LineReader
        let parse: (TabularRow) throws(ImportError) -> Record?
        var rows = 0

        init(reader: LineReader, parse: @escaping (TabularRow) throws(ImportError) -> Record?) {
            self.reader = reader
            self.parse = parse
        }
    }

    /// An error raised on the reader thread, read after it has finished.
    private final class FailureBox: @unchecked Sendable {
        var error: (any Error)?
    }
}

/// A bounded blocking queue between two threads.
final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var finished = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then adds `element`; false when the receiver has cancelled.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// No more elements will be sent.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, waiting for one; nil once the sender has finished and all were received.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if items.isEmpty { return nil }
        let element = items.removeFirst()
        condition.broadcast()
        return element
    }

    /// The receiver stops: pending and future sends are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the sender has called ``finish()``.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
