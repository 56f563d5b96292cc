import ArgumentParser
import Foundation
import GazetteerKit

/// `--db PATH`, shared by every command that reads a gazetteer.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The gazetteer database to use (default: the built-in one, built on first use).",
        discussion: "The default lives at $GAZETTEER_DB, else $XDG_CACHE_HOME/gazetteer/default.sqlite, else ~/.cache/gazetteer/default.sqlite.",
        valueName: "path"))
    var path: String?

    /// The database: the one named, or the default (built with a progress bar on a terminal).
    func open() throws -> GazetteerDatabase {
        if let path { return try GazetteerDatabase(path: path) }
        let bar = ProgressBar()
        defer { bar.finish() }
        return try DefaultDatabase.open(progress: bar.update, diagnostics: ImportDiagnostics(report: Diagnostics.warn))
    }
}
