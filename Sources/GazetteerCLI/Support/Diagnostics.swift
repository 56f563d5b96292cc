import Foundation

/// The one place the command writes diagnostics: standard error, prefixed with the program name.
enum Diagnostics {
    static func report(_ message: String) {
        guard !message.isEmpty else { return }
        let text = message.hasPrefix("gazetteer:") || message.hasPrefix("Error:") || message.contains(": error:")
            ? message : "gazetteer: error: \(message)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
