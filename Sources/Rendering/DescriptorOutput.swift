import Glibc

/// Writes all of `bytes` to `descriptor`, resuming after signals and short writes: a single `write` may take
/// only part of a line, and the command's output and the service's access log must not lose the rest.
/// - Returns: 0, or the `errno` of the write that failed (EIO when the descriptor took nothing).
package func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        offset += written
    }
    return 0
}
