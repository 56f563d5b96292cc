/// One tab-separated row, with typed access to its fields that reports problems by file, line and field.
struct TabularRow {
    let file: String
    let line: Int
    private let fields: [ArraySlice<UInt8>]

    /// Splits `bytes` at tabs.
    init(_ bytes: ArraySlice<UInt8>, file: String, line: Int) {
        self.file = file
        self.line = line
        fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
    }

    var count: Int { fields.count }

    /// Whether the row is blank or a `#` comment.
    var isCommentOrBlank: Bool {
        guard let first = fields.first else { return true }
        return (fields.count == 1 && first.allSatisfy { $0 == 0x20 }) || first.first == UInt8(ascii: "#")
    }

    func error(_ field: String, _ reason: String) -> ImportError {
        .malformedRow(file: file, line: line, field: field, reason: reason)
    }

    /// Checks the row has at least `count` fields.
    func require(columns count: Int) throws(ImportError) {
        guard fields.count >= count else {
            throw error("row", "expected \(count) tab-separated columns, found \(fields.count)")
        }
    }

    /// Checks the row has between `range.lowerBound` and `range.upperBound` fields: a tab too many in a fixed
    /// format shifts every later field into the wrong column.
    func require(columns range: ClosedRange<Int>) throws(ImportError) {
        guard range.contains(fields.count) else {
            let expected = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw error("row", "expected \(expected) tab-separated columns, found \(fields.count)")
        }
    }

    /// Field `index` as text (trimmed of spaces), empty when the row is shorter.
    /// - Throws: for invalid UTF-8, and for a NUL byte, which SQLite's C strings would cut the text at.
    func text(_ index: Int, _ name: String) throws(ImportError) -> String {
        guard index < fields.count else { return "" }
        let bytes = fields[index]
        if bytes.isEmpty { return "" }
        if bytes.contains(0) { throw error(name, "contains a NUL byte") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw error(name, "invalid UTF-8") }
        // Only a field that starts or ends with a space byte can start or end with the character " ": the
        // bytes tell most fields apart without walking their characters.
        return bytes.first == 0x20 || bytes.last == 0x20 ? text.trimmingSpaces : text
    }

    /// Field `index` as non-empty text.
    func required(_ index: Int, _ name: String) throws(ImportError) -> String {
        let value = try text(index, name)
        guard !value.isEmpty else { throw error(name, "is empty") }
        return value
    }

    /// Field `index` as an integer; `default` when empty.
    func integer(_ index: Int, _ name: String, default defaultValue: Int? = nil) throws(ImportError) -> Int {
        // Plain digits, as nearly every row has them, without making a string; anything else as Swift reads it.
        if index < fields.count, case let digits = fields[index], (1...18).contains(digits.count),
           digits.allSatisfy({ $0 &- 0x30 < 10 }) {
            return digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        }
        let value = try text(index, name)
        if value.isEmpty, let defaultValue { return defaultValue }
        guard let number = Int(value) else { throw error(name, "'\(value)' is not an integer") }
        return number
    }

    /// Field `index` as a decimal number within `range`.
    func coordinate(_ index: Int, _ name: String, in range: ClosedRange<Double>) throws(ImportError) -> Double {
        let value = try required(index, name)
        guard let number = Double(value), number.isFinite else { throw error(name, "'\(value)' is not a number") }
        guard range.contains(number) else {
            throw error(name, "\(value) is out of range \(Int(range.lowerBound))…\(Int(range.upperBound))")
        }
        return number
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
