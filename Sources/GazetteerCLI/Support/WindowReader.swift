import Foundation
import GazetteerInternals

/// Reads one document from a file descriptor as windows of text cut where ``DocumentWindows`` says, so
/// that a document of any size is read, annotated and written in bounded memory.
///
/// Invalid UTF-8 becomes U+FFFD, as when the whole document is decoded at once: cuts fall between
/// characters.
struct WindowReader {
    private let descriptor: Int32
    private let size: Int
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(descriptor: Int32, size: Int = DocumentWindows.defaultSize) {
        self.descriptor = descriptor
        self.size = size
    }

    /// The next window, or nil after the last one (an empty document has none).
    /// - Throws: ``ReadError`` when the descriptor cannot be read.
    mutating func next() throws -> String? {
        while !atEnd, buffer.count <= size { try fill() }
        if atEnd, buffer.isEmpty { return nil }
        let length = atEnd && buffer.count <= size
            ? buffer.count
            : buffer.withUnsafeBufferPointer { DocumentWindows.firstWindowLength(of: $0, limit: size) }
        let window = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeSubrange(..<length)
        return window
    }

    private mutating func fill() throws {
        let chunk = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, chunk) }
        } while count < 0 && errno == EINTR
        buffer.removeSubrange((old + max(count, 0))...)
        if count < 0 { throw ReadError(reason: String(cString: strerror(errno))) }
        if count == 0 { atEnd = true }
    }

    /// A read that failed, with the system's reason.
    struct ReadError: Error, CustomStringConvertible {
        var reason: String
        var description: String { "cannot read the input: \(reason)" }
    }
}
