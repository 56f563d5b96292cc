/// A problem with an input file, located by file, line and field so the user can fix it.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// A compressed file is corrupt or truncated.
    case corrupt(file: String, reason: String)
    /// One row is malformed; the rest of the file can still be read.
    case malformedRow(file: String, line: Int, field: String, reason: String)
    /// `--strict` was given and rows were malformed.
    case rejectedRows(count: Int, first: String)
    /// Not one row of the file could be read: it is empty, or not the kind of file it was given as.
    case noRows(file: String, rows: Int, rejected: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): error: cannot read the file: \(reason)"
        case let .corrupt(file, reason):
            return "\(file): error: the file is corrupt or truncated: \(reason)"
        case let .malformedRow(file, line, field, reason):
            return "\(file):\(line): error: field '\(field)': \(reason)"
        case let .rejectedRows(count, first):
            return "\(count) malformed row\(count == 1 ? "" : "s") in strict mode; the first: \(first)"
        case let .noRows(file, rows, rejected) where rows == 0 || rejected == 0:
            return "\(file): error: the file has no rows; nothing to import"
        case let .noRows(file, rows, rejected):
            return "\(file): error: no usable row: \(rejected) of \(rows) rows rejected as malformed; "
                + "is it the right kind of file?"
        }
    }

    /// Whether only one row is affected (the import can skip it and go on).
    package var isRowError: Bool {
        if case .malformedRow = self { return true }
        return false
    }
}
