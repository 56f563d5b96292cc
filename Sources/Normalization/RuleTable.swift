import Foundation

/// A small tab-separated rule table from `Gazetteer/`: `#` starts a comment line, blank lines are skipped,
/// and every other line must have at least the expected number of cells.
package struct RuleTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number, for error messages.
        public var line: Int
        public var cells: [String]
    }

    public let path: String
    public let rows: [Row]

    /// Reads `path`.
    /// - Throws: ``RuleError`` naming the file, and the line of a row with too few cells.
    public init(path: String, columns: Int) throws(RuleError) {
        self.path = path
        let text = try Self.read(path)
        var rows: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= columns else {
                throw RuleError(file: path, line: index + 1,
                                reason: "expected \(columns) tab-separated cells, found \(cells.count)")
            }
            rows.append(Row(line: index + 1, cells: cells))
        }
        self.rows = rows
    }

    /// The file's text, or an error naming it.
    public static func read(_ path: String) throws(RuleError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, reason: "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, reason: "the file is not valid UTF-8")
        }
        return text
    }
}
