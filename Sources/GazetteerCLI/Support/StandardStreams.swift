import Foundation
import GazetteerInternals

/// The process's three standard streams at the system-call level: writes that survive interruptions and
/// report failures, and placeholders for streams the caller closed.
enum StandardStreams {
    /// Puts `/dev/null` on each of descriptors 0, 1 and 2 that is closed.
    ///
    /// Otherwise the next file opened (an input, a database) would take the free number, and output meant
    /// for the closed stream would be written into it. The placeholder is opened for the wrong direction, so
    /// that using the stream fails with EBADF as it would have, and `gazetteer resolve x >&-` is an error.
    static func reserveClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            // open gives the lowest free number, which is `descriptor`: lower ones are open by now.
            _ = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
        }
    }

    /// Reads up to `count` more bytes onto the end of `bytes`, resuming after signals.
    /// - Returns: how many bytes were read (0 at the end of the input), or the `errno` of the failure.
    static func read(_ descriptor: Int32, appendingTo bytes: inout [UInt8], count: Int) -> Result<Int, InputErrno> {
        let old = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        var result: Int
        var failure: Int32 = 0
        repeat {
            result = bytes.withUnsafeMutableBytes { raw in Foundation.read(descriptor, raw.baseAddress! + old, count) }
            failure = result < 0 ? errno : 0
        } while failure == EINTR
        bytes.removeSubrange((old + max(result, 0))...)
        return result < 0 ? .failure(InputErrno(code: failure)) : .success(result)
    }

    /// Writes `text` and `terminator` to standard output, unbuffered: the one-off reports (a build's
    /// summary, statistics, help) that would otherwise go through `print`, whose failures are silent.
    /// - Throws: ``OutputError`` when standard output cannot take it; a reader that has gone (EPIPE) is
    ///   not an error, as with SIGPIPE.
    static func print(_ text: String, terminator: String = "\n") throws(OutputError) {
        do {
            try writeOutput(Array((text + terminator).utf8))
        } catch where error.code == EPIPE {
            return
        }
    }

    /// Writes `bytes` to standard output.
    /// - Throws: ``OutputError`` for any failure, a reader that has gone (EPIPE) included.
    static func writeOutput(_ bytes: [UInt8]) throws(OutputError) {
        let failure = bytes.withUnsafeBytes { writeAll($0, to: STDOUT_FILENO) }
        if failure != 0 { throw OutputError(code: failure) }
    }
}

/// The `errno` of a failed read.
struct InputErrno: Error {
    var code: Int32
}
