import CZlib
import Foundation

/// Reads a text file line by line in bounded memory: plain, gzip-compressed (`.gz`), or the table inside a
/// zip archive (`.zip`, as GeoNames publishes its dumps; see ``ZipArchive/tableEntry()``).
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
    /// For a zip entry: its compressed bytes not yet read, and what its central directory promises.
    private var remaining = Int.max
    private var zipEntry: ZipArchive.Entry?
    private var entryChecksum = CRC32()
    private var entryBytes: UInt64 = 0
    /// The size of a regular file when it was opened; nil for a pipe or a device.
    private var fileSize: Int?

    /// How many bytes each read asks for: about the size of the runs ``nextLines()`` returns.
    private let blockSize: Int

    /// Opens `path`.
    /// - Parameter blockSize: the size of each read (small ones test how lines are cut between reads).
    /// - Throws: ``ImportError/unreadable(file:reason:)``.
    init(path: String, blockSize: Int = 1 << 20) throws(ImportError) {
        self.path = path
        self.blockSize = max(1, blockSize)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw .unreadable(file: path, reason: String(cString: strerror(EISDIR)))
        }
        self.descriptor = descriptor
        if status.st_mode & S_IFMT == S_IFREG { fileSize = Int(status.st_size) }
        if path.hasSuffix(".gz") {
            do { inflater = try Inflater(raw: false) } catch { throw .corrupt(file: path, reason: "zlib failed to start") }
        } else if path.hasSuffix(".zip") {
            do throws(ImportError) {
                let archive = try ZipArchive(descriptor: descriptor, path: path)
                let entry = try archive.tableEntry()
                let offset = try archive.dataOffset(of: entry, descriptor: descriptor)
                guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
                    throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
                }
                zipEntry = entry
                remaining = Int(clamping: entry.compressedSize)
                if entry.method == 8 {
                    do { inflater = try Inflater(raw: true) } catch { throw ImportError.corrupt(file: path, reason: "zlib failed to start") }
                }
            } catch {
                close(descriptor)
                throw error
            }
        }
    }

    deinit { close(descriptor) }

    /// The CRC-32 of the file's bytes (as stored, compressed for `.gz`; for a zip archive, of the table's
    /// uncompressed bytes, as the archive records it), once it has been read to the end.
    var crc32: String { zipEntry == nil ? checksum.hex : entryChecksum.hex }

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

    /// The next run of whole lines, at least one unless at the end of the file: what is buffered up to its
    /// last line break (a final line without one at the end), with the number of the run's first line.
    /// ``lineNumber`` counts the run's lines, so that errors found in it later can name their line.
    func nextLines() throws(ImportError) -> (bytes: [UInt8], firstLine: Int)? {
        while true {
            if let newline = buffer[start...].lastIndex(of: 0x0A) {
                return take(through: newline + 1)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                return take(through: buffer.count)
            }
            try fill()
        }
    }

    private func take(through end: Int) -> (bytes: [UInt8], firstLine: Int) {
        let bytes = Array(buffer[start..<end])
        let firstLine = lineNumber + 1
        lineNumber += bytes.withUnsafeBufferPointer { Self.lineCount($0) }
        start = end
        return (bytes, firstLine)
    }

    /// The lines in `bytes`: its line breaks, and one more for a last line without one.
    static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var cursor = UnsafeRawPointer(bytes.baseAddress), !bytes.isEmpty else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return bytes.last == 0x0A ? count : count + 1
    }

    private func fill() throws(ImportError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        // Up to `blockSize` a read, but no more than the rest of the file (and one byte to see its end): a small file
        // then costs a small buffer, not a megabyte zeroed twice. Left uninitialized, since `read` fills it.
        let size = fileSize.map { max(1 << 12, $0 - bytesRead + 1) } ?? Int.max
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: min(blockSize, remaining, size)) { buffer, initialized in
            var count: Int
            repeat {
                count = read(descriptor, buffer.baseAddress, buffer.count)
            } while count < 0 && errno == EINTR
            if count < 0 { failure = errno }
            initialized = max(0, count)
        }
        guard failure == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(failure))) }
        let count = bytes.count
        if count == 0, zipEntry != nil, remaining > 0 {
            throw .corrupt(file: path, reason: "the archive ends inside \(zipEntry!.name) (truncated download?)")
        }
        remaining -= count
        let chunk = Data(bytes)
        bytesRead += chunk.count
        checksum.update(chunk)
        if zipEntry != nil {
            try fillFromZip(chunk)
        } else if let inflater {
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

extension LineReader {
    /// Appends the next decoded bytes of a zip entry, and checks the whole entry against its recorded size
    /// and CRC-32 at its end.
    fileprivate func fillFromZip(_ chunk: Data) throws(ImportError) {
        guard let entry = zipEntry else { return }
        let before = buffer.count
        if let inflater {
            do {
                try inflater.inflate(chunk, finished: chunk.isEmpty, into: &buffer)
            } catch {
                throw .corrupt(file: path, reason: "\(entry.name): " + ((error as? Inflater.Failure)?.reason ?? "\(error)"))
            }
        } else {
            buffer.append(contentsOf: chunk)
        }
        buffer.withUnsafeBytes { entryChecksum.update(UnsafeRawBufferPointer(rebasing: $0[before...])) }
        entryBytes += UInt64(buffer.count - before)
        guard chunk.isEmpty else { return }
        atEnd = true
        guard entryBytes == entry.uncompressedSize, entryChecksum.value == entry.crc32 else {
            throw .corrupt(file: path, reason: "\(entry.name) does not match its CRC-32 or size in the archive")
        }
    }
}

/// A streaming decoder over zlib: gzip files, or raw deflate data (zip entries).
final class Inflater {
    struct Failure: Error { var reason: String }

    private var stream = z_stream()
    private var ended = false

    /// Raw deflate data (no gzip wrapper, one stream).
    private let isRaw: Bool

    init(raw: Bool) throws {
        isRaw = raw
        guard (raw ? gz_inflate_init_raw(&stream) : gz_inflate_init_gzip(&stream)) == Z_OK else {
            throw Failure(reason: "inflateInit2")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Decodes `input` (empty: the end of the file) and appends the output.
    func inflate(_ input: Data, finished: Bool, into output: inout [UInt8]) throws {
        if finished {
            if !ended { throw Failure(reason: "the \(isRaw ? "deflate" : "gzip") stream ends before its last block") }
            return
        }
        var input = input
        try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            stream.next_in = raw.bindMemory(to: Bytef.self).baseAddress
            stream.avail_in = uInt(raw.count)
            var chunk = [UInt8](repeating: 0, count: 1 << 18)
            while stream.avail_in > 0 {
                if ended {
                    if isRaw { throw Failure(reason: "data after the end of the deflate stream") }
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
