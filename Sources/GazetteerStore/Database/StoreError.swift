/// A problem with a gazetteer database file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case notAGazetteer(path: String, reason: String)
    /// The file was built by another version of this program.
    case schemaMismatch(path: String, found: Int, expected: Int)
    case sqlite(path: String, message: String)
    /// Building failed; nothing was written at the destination.
    case buildFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "\(path): no gazetteer database here; build one with `gazetteer build --out \(path)`"
        case let .notAGazetteer(path, reason):
            return "\(path): not a gazetteer database (\(reason))"
        case let .schemaMismatch(path, found, expected):
            return "\(path): built with schema version \(found), this program reads version \(expected); "
                + "rebuild it with `gazetteer build --out \(path)` (or delete it to rebuild the default)"
        case let .sqlite(path, message):
            return "\(path): SQLite error: \(message)"
        case let .buildFailed(path, reason):
            return "\(path): build failed, nothing written: \(reason)"
        }
    }
}
