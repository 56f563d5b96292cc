import Foundation

/// What the terminal on the other end of standard output and standard error can take.
enum Terminal {
    /// Whether standard output is a terminal: the human formats become the default.
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether to colour standard output: a terminal, unless the user opted out with `NO_COLOR` (any
    /// non-empty value, https://no-color.org) or the terminal says it cannot (`TERM=dumb`).
    static var colorsStandardOutput: Bool {
        guard standardOutputIsTerminal else { return false }
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return !isDumb
    }

    /// Whether standard error can redraw a line in place (a progress bar): a terminal that is not dumb.
    static var standardErrorRedraws: Bool { isatty(STDERR_FILENO) == 1 && !isDumb }

    private static var isDumb: Bool { ProcessInfo.processInfo.environment["TERM"] == "dumb" }
}
