import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastStage = ""
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(_ stage: String, _ fraction: Double?) {
        guard enabled else { return }
        let now = Date()
        guard stage != lastStage || now.timeIntervalSince(lastDraw) > 0.1 || fraction == 1 else { return }
        lastStage = stage
        lastDraw = now
        let width = 30
        var line = "\r\u{1B}[K" + "building the gazetteer: "
        if let fraction {
            let filled = Int((fraction * Double(width)).rounded())
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                + "] \(Int(fraction * 100))% "
        }
        line += stage
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
