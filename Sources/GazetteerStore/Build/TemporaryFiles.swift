import Foundation
import Synchronization

/// Temporary files that must not outlive the process, such as a build's database before its rename.
///
/// A build removes its own temporary file when it fails; ``removeOnTermination()`` also removes them when
/// the process is stopped by SIGINT, SIGTERM or SIGHUP, or exits from elsewhere. What a `kill -9` leaves is
/// removed by the next build beside it (``StoreBuilder/removeStaleTemporaries(beside:)``).
package enum TemporaryFiles {
    /// The registered paths as C strings in fixed slots: a signal handler may neither allocate nor lock, so
    /// it reads the slots directly, while registration takes the lock.
    private static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let registration = Mutex(())

    /// Records `path` for removal on termination; returns its slot for ``unregister(_:)``, or nil when all
    /// slots are taken (the path is then left to the next build's clean-up).
    static func register(_ path: String) -> Int? {
        registration.withLock { _ in
            guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
            slots[slot] = strdup(path)
            return slot
        }
    }

    /// Forgets a path registered in `slot` (it was renamed into place or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        registration.withLock { _ in
            let path = slots[slot]
            slots[slot] = nil
            free(path)
        }
    }

    /// Removes every registered file; safe in a signal handler (only `unlink`).
    private static func removeAll() {
        for slot in 0..<capacity {
            if let path = slots[slot] { unlink(path) }
        }
    }

    /// Installs handlers that remove the registered files when the process is stopped by SIGINT, SIGTERM
    /// or SIGHUP, then let the signal end it as it would have (the shell sees 128 + the signal's number);
    /// and removes them at `exit`. A signal the process was told to ignore stays ignored.
    package static func removeOnTermination() {
        _ = slots
        atexit { TemporaryFiles.removeAll() }
        // A parent may leave these blocked (Foundation's `Process` does), which would make them wait forever;
        // threads started later inherit this thread's mask.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&handled, signalNumber)
            let previous = signal(signalNumber) { received in
                TemporaryFiles.removeAll()
                signal(received, SIG_DFL)
                raise(received)
            }
            // C function pointers are not Equatable in Swift; SIG_IGN is a constant address.
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(signalNumber, SIG_IGN)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }
}
