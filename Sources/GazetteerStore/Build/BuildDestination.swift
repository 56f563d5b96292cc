import Foundation

extension StoreBuilder {
    /// Checks that writing `destination` would not replace any of `inputs`.
    ///
    /// Call it before a build starts, so that a mistyped `--out` stops the command before anything is
    /// read or written; the builder checks each input again as it opens it.
    /// - Throws: ``StoreError/outputIsInput(path:input:)``.
    package static func checkDestination(_ destination: URL, against inputs: [String]) throws(StoreError) {
        guard let target = FileIdentity(path: destination.path) else { return }
        for input in inputs where FileIdentity(path: input) == target {
            throw .outputIsInput(path: destination.path, input: input)
        }
    }

    /// Checks that a build can write `destination`, and creates its folder: before any input is read, so
    /// that a long build does not fail only at its end.
    /// - Throws: ``StoreError/buildFailed(path:reason:)`` with the system's reason.
    static func prepareDestination(_ destination: URL) throws(StoreError) {
        var status = stat()
        if stat(destination.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw .buildFailed(path: destination.path, reason: String(cString: strerror(EISDIR)))
        }
        let folder = destination.deletingLastPathComponent()
        if let failure = makeFolder(folder.path) {
            throw .buildFailed(path: destination.path, reason: "cannot create the folder \(folder.path): \(failure)")
        }
    }

    /// Creates `path` and the folders above it that are missing; nil, or why it failed.
    private static func makeFolder(_ path: String) -> String? {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT, path != "/" else { return String(cString: strerror(errno)) }
        if let failure = makeFolder((path as NSString).deletingLastPathComponent) { return failure }
        return mkdir(path, 0o777) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
    }
}
