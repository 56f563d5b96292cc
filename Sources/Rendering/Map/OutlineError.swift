/// A fault in an outline file of `Gazetteer/outlines/`, located by file, line and field.
public struct OutlineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// 1-based line; 0 when the fault is not tied to a line (a missing file).
    public var line: Int
    /// What is wrong and what to do, in words.
    public var reason: String

    public init(file: String, line: Int = 0, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: error: reason`, the form editors and terminals link to.
    public var description: String { "\(file)\(line > 0 ? ":\(line)" : ""): error: \(reason)" }
}
