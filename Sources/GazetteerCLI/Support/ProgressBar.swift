import Foundation

/// Build progress on standard error: a one-line bar on a terminal; elsewhere (a pipe, a log file, a dumb
/// terminal) one line per stage as it starts, so that a first-use build of a minute is never silent and a
/// log stays readable.
///
/// With `GAZETTEER_TRACE` set in the environment it prints instead one line per finished stage with the
/// elapsed time, for measuring builds.
final class ProgressBar {
    private let enabled = Terminal.standardErrorRedraws
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
        guard enabled else {
            if stage != lastStage {
                lastStage = stage
                FileHandle.standardError.write(Data("gazetteer: building the gazetteer: \(stage)\n".utf8))
            }
            return
        }
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
