/// A fault in a normalization rule file, located so a linguist can fix it without reading Swift.
public struct RuleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// 1-based line; 0 when the fault is not tied to a line (a missing file).
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when unknown.
    package var column: Int
    /// What is wrong, in words a user can act on.
    public var reason: String

    public init(file: String, line: Int = 0, column: Int = 0, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `file:line:column: error: reason`, the form editors and terminals link to.
    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if column > 0 { location += ":\(column)" }
        return "\(location): error: \(reason)"
    }
}
