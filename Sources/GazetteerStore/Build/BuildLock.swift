import Foundation

/// An exclusive lock on a database's builds: `NAME.lock` beside it, held with `flock`, so that the system
/// releases it when the holder dies however it ends.
final class BuildLock {
    private var descriptor: Int32

    /// Waits until no other process (or builder in this one) holds the lock for `url`, then holds it.
    /// - Throws: ``StoreError/buildFailed(path:reason:)`` when the lock file cannot be created.
    init(beside url: URL) throws(StoreError) {
        let path = url.path + ".lock"
        try StoreBuilder.prepareDestination(url)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .buildFailed(path: url.path, reason: "cannot create the lock \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .buildFailed(path: url.path, reason: "cannot lock \(path): \(reason)")
            }
        }
    }

    /// Lets the next waiting build go.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
