import Foundation

/// Runs the reading half of an import on other threads: a reader thread reads and decompresses the file
/// into runs of whole lines, and parser threads split, validate and key those runs in parallel, while the
/// calling thread writes rows to SQLite. Parsing and keying cost more than the writes, so they get every
/// core but the writer's share.
///
/// Whatever thread parses a run, the caller receives rows, and row errors, in file order: the database is
/// the same as a one-threaded import's. Runs handed out but not yet consumed are bounded, so memory stays
/// bounded whatever the file's size; a failure on any side stops them all.
enum ImportPipeline {
    /// One parsed row, or the error that made it unusable.
    enum Item<Record: Sendable>: Sendable {
        case record(Record)
        case rowError(ImportError)
    }

    /// The parsed rows of one run of lines.
    struct Batch<Record: Sendable>: Sendable {
        var items: [Item<Record>] = []
        /// How far into the file the reader was after the run, in bytes, for progress.
        var bytesRead = 0
        /// The run's rows, leaving out blank lines and comments.
        var rows = 0
    }

    /// How many parser threads an import uses: `GAZETTEER_IMPORT_THREADS` when set (1 for comparisons), else
    /// one per core up to 8: one writer cannot take rows faster, and ICU transliterates on one thread at a
    /// time, so more would only hold more runs in memory. Read once a process: copying the environment and
    /// reading the cgroup's CPU quota cost about a tenth of a small file's import (`perf` of the lexicon fuzz
    /// target), and a build imports dozens of small curated files.
    static let parserCount: Int = {
        if let value = ProcessInfo.processInfo.environment["GAZETTEER_IMPORT_THREADS"], let count = Int(value),
           count > 0 {
            return min(count, 64)
        }
        return min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8)
    }()

    /// Reads `reader` on other threads with `parse`, and calls `consume` on this thread for each row.
    /// - Returns: how many rows the file had, leaving out blank lines and comments.
    /// - Parameters:
    ///   - parse: turns a row into a record; nil skips the row silently (a comment, a header, a name of a
    ///     place not in the store). It runs on several threads at once, so it must not depend on the rows
    ///     before it: what depends on file order (a repeated id) belongs in `consume`.
    ///   - consume: receives records and row errors in file order, with the bytes and rows read so far.
    static func run<Record: Sendable>(
        reader: LineReader, parsers: Int = parserCount,
        parse: @escaping @Sendable (TabularRow) throws(ImportError) -> Record?,
        consume: (Item<Record>, _ bytesRead: Int, _ rowsRead: Int) throws -> Void
    ) throws -> Int {
        let state = PipelineState<Record>(window: 2 * parsers + 2)
        let source = ReaderBox(reader)
        state.startThread {
            do {
                while let (bytes, firstLine) = try source.reader.nextLines() {
                    let run = Run(bytes: bytes, firstLine: firstLine, bytesRead: source.reader.bytesRead)
                    guard state.submit(run) else { return }
                }
                state.finishReading(failure: nil)
            } catch {
                state.finishReading(failure: error)
            }
        }
        let file = reader.path
        for _ in 0..<parsers {
            state.startThread {
                while let (index, run) = state.nextRun() {
                    state.deliver(parseRun(run, file: file, parse: parse), index: index)
                }
            }
        }
        defer { state.stop() }
        var rows = 0
        while let batch = try state.nextBatch() {
            rows += batch.rows
            for item in batch.items { try consume(item, batch.bytesRead, rows) }
        }
        return rows
    }

    /// Splits a run into rows and parses each.
    private static func parseRun<Record>(_ run: Run, file: String,
                                         parse: (TabularRow) throws(ImportError) -> Record?) -> Batch<Record> {
        var batch = Batch<Record>(bytesRead: run.bytesRead)
        let bytes = run.bytes
        var line = run.firstLine
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let row = TabularRow(bytes[start..<end], file: file, line: line)
            start = newline + 1
            line += 1
            if row.isCommentOrBlank { continue }
            batch.rows += 1
            do throws(ImportError) {
                if let record = try parse(row) { batch.items.append(.record(record)) }
            } catch {
                batch.items.append(.rowError(error))
            }
        }
        return batch
    }

    /// A run of whole lines of the file.
    struct Run: Sendable {
        var bytes: [UInt8]
        var firstLine: Int
        var bytesRead: Int
    }

    /// The line reader, handed to the reader thread; nothing else touches it until the pipeline stops.
    private final class ReaderBox: @unchecked Sendable {
        let reader: LineReader
        init(_ reader: LineReader) { self.reader = reader }
    }
}

/// What the threads of an ``ImportPipeline`` share, under one lock: runs waiting for a parser, parsed
/// batches waiting for their turn, and how the reader ended.
///
/// The reader may run at most `window` runs ahead of the consumer, which bounds both queues.
private final class PipelineState<Record: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    private var waiting: [(Int, ImportPipeline.Run)] = []
    private var waitingStart = 0
    private var parsed: [Int: ImportPipeline.Batch<Record>] = [:]
    /// Runs submitted by the reader, and the index of the next one the consumer takes.
    private var submitted = 0
    private var consumed = 0
    private var readingFinished = false
    private var readingFailure: (any Error)?
    private var stopped = false
    private var liveThreads = 0

    init(window: Int) { self.window = window }

    /// Starts a thread that counts as live until `body` returns.
    func startThread(_ body: @escaping @Sendable () -> Void) {
        condition.lock()
        liveThreads += 1
        condition.unlock()
        let thread = Thread { [self] in
            body()
            condition.lock()
            liveThreads -= 1
            condition.broadcast()
            condition.unlock()
        }
        // ICU's transforms recurse deeply on long names.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues a run for the parsers, waiting while the window is full; false once the pipeline stopped.
    func submit(_ run: ImportPipeline.Run) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - consumed >= window && !stopped { condition.wait() }
        if stopped { return false }
        waiting.append((submitted, run))
        submitted += 1
        condition.broadcast()
        return true
    }

    /// The reader has read everything, or failed with `failure` after the runs it submitted.
    func finishReading(failure: (any Error)?) {
        condition.lock()
        readingFinished = true
        readingFailure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The next run to parse, with its index; nil when there will be none.
    func nextRun() -> (Int, ImportPipeline.Run)? {
        condition.lock()
        defer { condition.unlock() }
        while waitingStart == waiting.count && !readingFinished && !stopped { condition.wait() }
        if stopped || waitingStart == waiting.count { return nil }
        let next = waiting[waitingStart]
        waitingStart += 1
        if waitingStart == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingStart = 0
        }
        return next
    }

    func deliver(_ batch: ImportPipeline.Batch<Record>, index: Int) {
        condition.lock()
        parsed[index] = batch
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in file order, waiting for it; nil after the last.
    /// - Throws: the reader's failure, once the batches before it were taken.
    func nextBatch() throws -> ImportPipeline.Batch<Record>? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let batch = parsed.removeValue(forKey: consumed) {
                consumed += 1
                condition.broadcast()
                return batch
            }
            if readingFinished && consumed == submitted {
                if let readingFailure { throw readingFailure }
                return nil
            }
            condition.wait()
        }
    }

    /// Stops every thread and waits for them to return: after the last batch, or when the consumer failed.
    func stop() {
        condition.lock()
        stopped = true
        waiting.removeAll()
        waitingStart = 0
        parsed.removeAll()
        condition.broadcast()
        while liveThreads > 0 { condition.wait() }
        condition.unlock()
    }
}
