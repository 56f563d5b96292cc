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
        // Split as bytes: splitting the String by Characters cost more than the rest of loading the rules.
        let bytes = Array(text.utf8)
        for (index, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == UInt8(ascii: "#") { continue }
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard cells.count >= columns else {
                throw RuleError(file: path, line: index + 1,
                                reason: "expected \(columns) tab-separated cells, found \(cells.count)")
            }
            rows.append(Row(line: index + 1, cells: cells))
        }
        self.rows = rows
    }

    /// `cell` without the spaces and tabs around it: what `trimmingCharacters(in: .whitespaces)` removes (tab
    /// and the space separators), without Foundation's character set, whose first use cost 1.2 M instructions,
    /// a fiftieth of a fresh `gazetteer resolve NAME`.
    package static func trimmed(_ cell: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || !scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = cell.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
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
