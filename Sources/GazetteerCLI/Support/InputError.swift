import Foundation

/// A file or stream the command was asked to read cannot be read; the message names it and the OS reason.
struct InputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    /// Reading failed after the input was opened (an I/O error), rather than the input being missing,
    /// unreadable or not a file.
    var isReadFailure = false

    /// The error for the `errno` of a failed call on `path`.
    static func system(_ path: String, errno code: Int32, reading: Bool = false) -> InputError {
        InputError(path: path, reason: String(cString: strerror(code)), isReadFailure: reading && code != EISDIR)
    }

    var description: String { "\(path): cannot read: \(reason)" }
}

/// Writing standard output failed: the reader has lost the output, so the command fails.
struct OutputError: Error, CustomStringConvertible {
    var code: Int32

    var description: String { "standard output: write failed: \(String(cString: strerror(code)))" }
}
