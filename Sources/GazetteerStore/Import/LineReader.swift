import CZlib
import Foundation

/// Reads a text file line by line in bounded memory, gzip-compressed (`.gz`) or plain.
///
/// Lines come as raw bytes, so that a line with invalid UTF-8 can be reported with its number instead of
/// being silently repaired: importers decode fields themselves.
final class LineReader {
    let path: String
    private let descriptor: Int32
    private var inflater: Inflater?
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0
    /// Bytes of the file read so far (compressed size for `.gz`), for progress.
    private(set) var bytesRead = 0
    private var checksum = CRC32()

    /// Opens `path`.
    /// - Throws: ``ImportError/unreadable(file:reason:)``.
    init(path: String) throws(ImportError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw .unreadable(file: path, reason: String(cString: strerror(EISDIR)))
        }
        self.descriptor = descriptor
        if path.hasSuffix(".gz") {
            do { inflater = try Inflater() } catch { throw .corrupt(file: path, reason: "zlib failed to start") }
        }
    }

    deinit { close(descriptor) }

    /// The CRC-32 of the file's bytes (as stored, compressed for `.gz`), once it has been read to the end.
    var crc32: String { checksum.hex }

    /// The next line without its terminator (`\n` or `\r\n`), or nil at the end of the file.
    func next() throws(ImportError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private func fill() throws(ImportError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        var count: Int
        repeat {
            count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        let chunk = Data(bytes[0..<count])
        bytesRead += chunk.count
        checksum.update(chunk)
        if let inflater {
            do {
                try inflater.inflate(chunk, finished: chunk.isEmpty, into: &buffer)
            } catch {
                throw .corrupt(file: path, reason: (error as? Inflater.Failure)?.reason ?? "\(error)")
            }
            if chunk.isEmpty { atEnd = true }
        } else {
            if chunk.isEmpty { atEnd = true }
            buffer.append(contentsOf: chunk)
        }
    }
}

/// A streaming gzip decoder over zlib.
final class Inflater {
    struct Failure: Error { var reason: String }

    private var stream = z_stream()
    private var ended = false

    init() throws {
        guard gz_inflate_init_gzip(&stream) == Z_OK else { throw Failure(reason: "inflateInit2") }
    }

    deinit { inflateEnd(&stream) }

    /// Decodes `input` (empty: the end of the file) and appends the output.
    func inflate(_ input: Data, finished: Bool, into output: inout [UInt8]) throws {
        if finished {
            if !ended { throw Failure(reason: "the gzip stream ends before its last block") }
            return
        }
        var input = input
        try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            stream.next_in = raw.bindMemory(to: Bytef.self).baseAddress
            stream.avail_in = uInt(raw.count)
            var chunk = [UInt8](repeating: 0, count: 1 << 18)
            while stream.avail_in > 0 {
                if ended {
                    // Concatenated gzip members, as `cat a.gz b.gz` makes.
                    guard inflateReset(&stream) == Z_OK else { throw Failure(reason: "inflateReset") }
                    ended = false
                }
                let status = chunk.withUnsafeMutableBytes { out -> Int32 in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    ended = true
                case Z_OK:
                    break
                case Z_BUF_ERROR where produced > 0:
                    break
                default:
                    throw Failure(reason: stream.msg.map { String(cString: $0) } ?? String(cString: zError(status)))
                }
            }
        }
    }
}
