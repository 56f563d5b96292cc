import Foundation

/// Buffered standard output: records are collected and written in large blocks, and flushed when the
/// input side is about to wait, so pipelines stay responsive without a system call per line.
///
/// A failed write ends the command at once (see ``flush()``), so that the writers of every format need no
/// error plumbing for each record.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes the buffer out. When the reader has gone (EPIPE: `gazetteer … | head`), the command stops
    /// quietly with success, as it does when SIGPIPE stops it; any other failure (a full disk, a closed stream) is reported and exits with
    /// ``ExitStatus/ioError``: the output is lost, and a zero status would hide it.
    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try StandardStreams.writeOutput(buffer)
        } catch {
            if error.code == EPIPE { exit(0) }
            Diagnostics.report(error.description)
            exit(ExitStatus.ioError)
        }
    }

    deinit { flush() }
}
