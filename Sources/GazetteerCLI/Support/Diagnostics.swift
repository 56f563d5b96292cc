import Foundation
import GazetteerInternals

/// The one place the command writes diagnostics: standard error, prefixed with the program name.
///
/// Writes go straight to the descriptor and their failures are ignored: with standard error closed or
/// full there is nowhere to say anything, and the exit status still tells (FileHandle traps instead).
enum Diagnostics {
    /// A problem that does not stop the command, such as a skipped input row.
    static func warn(_ problem: any Error) {
        let text = "\(problem)".replacingOccurrences(of: ": error: ", with: ": warning: ")
        write(text.contains(": warning: ") ? text : "gazetteer: warning: \(text)")
    }

    /// A problem with what the user asked that does not stop the command, such as a country with no places.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("gazetteer: warning: \(message)\n".utf8))
    }

    static func report(_ message: String) {
        guard !message.isEmpty else { return }
        var text = message
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        // Usage errors come with ArgumentParser's help lines; single-line problems get the program's prefix
        // unless they already name a file (`file:line: error: …`).
        if !text.contains("\n"), !text.contains(": error: ") { text = "gazetteer: error: \(text)" }
        write(text)
    }

    /// Writes `text` and a newline to standard error as it is (a progress bar's control sequences too).
    static func write(_ text: String, newline: Bool = true) {
        var bytes = Array(text.utf8)
        if newline { bytes.append(UInt8(ascii: "\n")) }
        _ = bytes.withUnsafeBytes { writeAll($0, to: STDERR_FILENO) }
    }
}
