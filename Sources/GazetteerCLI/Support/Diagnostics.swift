import Foundation

/// The one place the command writes diagnostics: standard error, prefixed with the program name.
enum Diagnostics {
    /// A problem that does not stop the command, such as a skipped input row.
    static func warn(_ problem: any Error) {
        let text = "\(problem)".replacingOccurrences(of: ": error: ", with: ": warning: ")
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
