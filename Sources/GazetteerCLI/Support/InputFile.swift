import Foundation

/// The text files a command is given, read as streams: a pipe, a FIFO, `/dev/stdin` or `<(…)` reads as
/// well as a regular file, and `-` is standard input.
enum InputFile {
    /// Checks that `path` names something readable that is not a folder, without opening it: opening a
    /// FIFO would wait for its writer, and closing it again would cut the writer off.
    static func check(_ path: String) throws(InputError) {
        guard path != "-" else { return }
        var status = stat()
        guard stat(path, &status) == 0 else { throw .system(path, errno: errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .system(path, errno: EISDIR) }
        guard access(path, R_OK) == 0 else { throw .system(path, errno: errno) }
    }

    /// Opens `path` for reading (`-`: standard input).
    static func open(_ path: String) throws(InputError) -> Int32 {
        guard path != "-" else { return STDIN_FILENO }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path, errno: errno) }
        return descriptor
    }

    /// The whole text of `path` (`-`: standard input), invalid UTF-8 repaired to U+FFFD.
    static func text(of path: String) throws(InputError) -> String {
        let descriptor = try open(path)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(status.st_size)) }
        while true {
            switch StandardStreams.read(descriptor, appendingTo: &bytes, count: 1 << 16) {
            case let .failure(failure):
                throw .system(path == "-" ? "standard input" : path, errno: failure.code, reading: true)
            case .success(0): return String(decoding: bytes, as: UTF8.self)
            case .success: continue
            }
        }
    }
}
