import Foundation
import GRDB

extension GazetteerDatabase {
    /// Checks what is at `path` before SQLite opens it, so that each way a file can be wrong gets its own
    /// message: SQLite itself says only "disk I/O error" for a folder and "file is not a database" for a
    /// text file, and opens a truncated database without complaint.
    /// - Throws: ``StoreError`` naming the path and the reason.
    static func checkFile(_ path: String) throws(StoreError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path: path, reason: String(cString: strerror(EISDIR))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var count: Int
        repeat {
            count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 100, 0) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        if count == 0 { throw .notAGazetteer(path: path, reason: "the file is empty") }
        guard count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw .notAGazetteer(path: path, reason: "not an SQLite database")
        }
        func bigEndian(_ offset: Int) -> UInt32 {
            header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let pageSize = Int(header[16]) << 8 | Int(header[17])
        let pages = Int64(bigEndian(28))
        // The page count in the header is trusted only when the change counter it was written with (bytes
        // 92–95) is the file's current one (bytes 24–27), as SQLite does.
        guard bigEndian(92) == bigEndian(24), pages > 0 else { return }
        let expected = pages * Int64(pageSize == 1 ? 65536 : pageSize)
        if Int64(status.st_size) < expected {
            throw .damaged(path: path, reason: "truncated: \(status.st_size) bytes of the \(expected) its header declares")
        }
    }

    /// The store's error for an SQLite failure while opening or reading `path`.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        guard let error = error as? DatabaseError else { return .notAGazetteer(path: path, reason: "\(error)") }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(path: path, reason: message)
        default: return .sqlite(path: path, message: message)
        }
    }
}
