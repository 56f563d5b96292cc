import Foundation

/// Reads lines from a file descriptor as they arrive, in bounded memory.
///
/// Invalid UTF-8 becomes U+FFFD rather than an error: a name list from an unknown source must not stop a
/// run. A trailing `\r` is dropped. `willBlock` runs before each read that may wait for input, so output
/// can be flushed exactly when the producer on the other end of a pipe may be waiting for it.
struct LineReader {
    private let descriptor: Int32
    /// The input as the user named it, for errors.
    let name: String
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line feed resumes: the bytes from `start` to here hold none, so a long
    /// line arriving in many reads is scanned once, not once per read.
    private var scanned = 0
    private var atEnd = false
    private let chunkSize = 1 << 16

    init(descriptor: Int32 = STDIN_FILENO, name: String = "standard input") {
        self.descriptor = descriptor
        self.name = name
    }

    /// The next line, or nil at the end of input.
    /// - Throws: ``InputError`` when reading fails (a directory, an I/O error), which is not the end.
    mutating func next(willBlock: () -> Void = {}) throws(InputError) -> String? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                scanned = start
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = buffer.count
                return line
            }
            scanned = buffer.count
            willBlock()
            try fill()
        }
    }

    private mutating func fill() throws(InputError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        switch StandardStreams.read(descriptor, appendingTo: &buffer, count: chunkSize) {
        case let .failure(failure): throw InputError.system(name, errno: failure.code, reading: true)
        case let .success(count): atEnd = count == 0
        }
    }
}
