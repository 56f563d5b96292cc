/// Collects malformed rows during an import: each is reported (up to a limit) and skipped, and counted per
/// file; in strict mode the first one stops the import.
public final class ImportDiagnostics {
    /// Whether a malformed row fails the whole import.
    public let strict: Bool
    /// Called with each reported problem (the CLI prints them to standard error).
    private let report: (ImportError) -> Void
    /// How many problems are reported before the rest are only counted.
    private let reportLimit: Int
    package private(set) var skippedRows: [String: Int] = [:]
    private var reported = 0

    public init(strict: Bool = false, reportLimit: Int = 20, report: @escaping (ImportError) -> Void = { _ in }) {
        self.strict = strict
        self.reportLimit = reportLimit
        self.report = report
    }

    /// The total number of skipped rows.
    package var totalSkipped: Int { skippedRows.values.reduce(0, +) }

    /// Records a row error; rethrows it in strict mode and rethrows errors that are not about one row.
    func skip(_ error: ImportError) throws(ImportError) {
        guard case let .malformedRow(file, _, _, _) = error else { throw error }
        if strict { throw .rejectedRows(count: 1, first: error.description) }
        skippedRows[file, default: 0] += 1
        if reported < reportLimit { report(error) }
        reported += 1
    }
}
