import GRDBSQLite
import Synchronization

/// Failures that lookups met in this process. Lookups answer "nothing found" when SQLite fails, so that
/// they stay cheap and never throw; the failure is kept here so that a command can tell a damaged database
/// from a name that is not in it.
package enum LookupDamage {
    private static let first = Mutex<StoreError?>(nil)

    /// Keeps the first failure.
    static func record(path: String, code: Int32, message: String) {
        first.withLock { first in
            guard first == nil else { return }
            let primary = code & 0xFF
            first = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
                ? .damaged(path: path, reason: message) : .sqlite(path: path, message: message)
        }
    }

    /// The first failure a lookup met, if any.
    public static var reported: StoreError? { first.withLock { $0 } }
}
