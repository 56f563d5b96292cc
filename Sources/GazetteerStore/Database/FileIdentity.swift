import Foundation

/// A file as the system knows it (device and inode), so that two paths are found to be one file whatever
/// links, `./` or `..` spell them.
struct FileIdentity: Equatable {
    private let device: UInt64
    private let inode: UInt64

    /// The file at `path` (following symbolic links), or nil when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
