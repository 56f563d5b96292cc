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

extension StoreBuilder {
    /// Checks that writing `destination` would not replace any of `inputs`.
    ///
    /// Call it before a build starts, so that a mistyped `--out` stops the command before anything is
    /// read or written; the builder checks each input again as it opens it.
    /// - Throws: ``StoreError/outputIsInput(path:input:)``.
    public static func checkDestination(_ destination: URL, against inputs: [String]) throws(StoreError) {
        guard let target = FileIdentity(path: destination.path) else { return }
        for input in inputs where FileIdentity(path: input) == target {
            throw .outputIsInput(path: destination.path, input: input)
        }
    }
}
