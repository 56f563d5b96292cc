/// A problem with a gazetteer database file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    /// The file cannot be opened: a folder, no permission; `reason` is the system's.
    case unreadable(path: String, reason: String)
    case notAGazetteer(path: String, reason: String)
    /// The file is a gazetteer but cut short or otherwise damaged.
    case damaged(path: String, reason: String)
    /// The file was built by another version of this program.
    case schemaMismatch(path: String, found: Int, expected: Int)
    case sqlite(path: String, message: String)
    /// The build's destination is one of its inputs (also through a link or another spelling of the path).
    case outputIsInput(path: String, input: String)
    /// Building failed; nothing was written at the destination.
    case buildFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "\(path): no gazetteer database here; build one with `gazetteer build --out \(path)`"
        case let .unreadable(path, reason):
            return "\(path): cannot open the database: \(reason)"
        case let .notAGazetteer(path, reason):
            return "\(path): not a gazetteer database (\(reason))"
        case let .damaged(path, reason):
            return "\(path): the database is damaged (\(reason)); " + Self.rebuildHint(path)
        case let .schemaMismatch(path, found, expected):
            return "\(path): built with schema version \(found), this program reads version \(expected); "
                + Self.rebuildHint(path)
        case let .sqlite(path, message):
            return "\(path): SQLite error: \(message)"
        case let .outputIsInput(path, input):
            return "\(path): the output would overwrite the input \(input); choose another --out"
        case let .buildFailed(path, reason):
            return "\(path): build failed, nothing written: \(reason)"
        }
    }

    private static func rebuildHint(_ path: String) -> String {
        "rebuild it with `gazetteer build --out \(path)` (or delete it to rebuild the default)"
    }
}
