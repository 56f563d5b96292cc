import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
///
/// With `GAZETTEER_TRACE` set in the environment it prints instead one line per finished stage with the
/// elapsed time, for measuring builds.
final class ProgressBar {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let trace = ProcessInfo.processInfo.environment["GAZETTEER_TRACE"] != nil
    private let started = Date()
    private var stageStarted = Date()
    private var lastStage = ""
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(_ stage: String, _ fraction: Double?) {
        if trace {
            if fraction == 1 || fraction == nil {
                let now = Date()
                Diagnostics.write(String(format: "%8.2f s  %+8.2f s  %@", now.timeIntervalSince(started),
                                         now.timeIntervalSince(stageStarted), stage))
                stageStarted = now
            }
            return
        }
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
        Diagnostics.write(line, newline: false)
        drawn = true
    }

    func finish() {
        if drawn { Diagnostics.write("\r\u{1B}[K", newline: false) }
        drawn = false
    }
}
