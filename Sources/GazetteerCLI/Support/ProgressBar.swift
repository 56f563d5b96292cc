import Foundation

/// Build progress on standard error: a one-line bar on a terminal, with the rate of a stage that reads a
/// file (rows a second) and the time left at that pace; elsewhere (a pipe, a log file, a dumb
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

    func update(_ stage: String, _ fraction: Double?, _ rows: Int?) {
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
        if stage != lastStage { stageStarted = now }
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
        line += Self.pace(elapsed: now.timeIntervalSince(stageStarted), fraction: fraction, rows: rows)
        Diagnostics.write(line, newline: false)
        drawn = true
    }

    /// ` · 152 k rows/s · 1:12 left`, once a stage has run long enough for a steady figure.
    static func pace(elapsed: TimeInterval, fraction: Double?, rows: Int?) -> String {
        guard elapsed >= 1 else { return "" }
        var text = ""
        if let rows, rows > 0 {
            let rate = Double(rows) / elapsed
            text += rate >= 10_000 ? String(format: " · %.0f k rows/s", rate / 1000) : String(format: " · %.0f rows/s", rate)
        }
        if let fraction, fraction > 0.01, fraction < 1 {
            let left = Int((elapsed * (1 - fraction) / fraction).rounded())
            text += " · " + (left >= 3600 ? String(format: "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                                          : String(format: "%d:%02d", left / 60, left % 60)) + " left"
        }
        return text
    }

    func finish() {
        if drawn { Diagnostics.write("\r\u{1B}[K", newline: false) }
        drawn = false
    }
}
