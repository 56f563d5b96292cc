/// The rows of a table that `Scripts/refresh-key-table` writes: every line that is neither empty nor a `#`
/// comment, split at its first tab. Read as bytes, since these tables are read at start-up.
enum GeneratedTableRows {
    /// Calls `body` with each row's line number and the byte offsets of its start, first tab and end.
    /// - Throws: ``RuleError`` naming a line without a tab, or what `body` throws.
    static func forEach(in bytes: [UInt8], path: String,
                        _ body: (_ line: Int, _ start: Int, _ tab: Int, _ end: Int) throws(RuleError) -> Void)
        throws(RuleError) {
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            if start == end || bytes[start] == UInt8(ascii: "#") { continue }
            guard let tab = bytes[start..<end].firstIndex(of: 0x09) else {
                throw RuleError(file: path, line: line, reason: "expected two tab-separated cells")
            }
            try body(line, start, tab, end)
        }
    }
}
