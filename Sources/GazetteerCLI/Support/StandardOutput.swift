import Foundation

/// Buffered standard output: records are collected and written in large blocks, and flushed when the
/// input side is about to wait, so pipelines stay responsive without a system call per line.
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

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
