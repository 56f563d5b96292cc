import ArgumentParser
import Foundation
import GazetteerInternals

/// `--db PATH`, shared by every command that reads a gazetteer.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The gazetteer database to use (default: the built-in one, built on first use).",
        discussion: "The default lives at $GAZETTEER_DB, else $XDG_CACHE_HOME/gazetteer/default.sqlite, else ~/.cache/gazetteer/default.sqlite.",
        valueName: "path"))
    var path: String?

    /// The database: the one named (with a warning when it was built under other rules), or the default
    /// (rebuilt when its data or rules change; built with a progress bar on a terminal).
    func open() throws -> GazetteerDatabase {
        if let path {
            let database = try GazetteerDatabase(path: path)
            // Without a data folder there are no current rules to compare with; commands that need them say so.
            if let rules = try? NormalizationRules.fingerprint(directory: DataDirectory.resolve().appendingPathComponent("rules")),
               let warning = database.rulesMismatch(rules) {
                Diagnostics.write("gazetteer: warning: \(warning)")
            }
            return database
        }
        let bar = ProgressBar()
        defer { bar.finish() }
        return try DefaultDatabase.open(progress: bar.update, diagnostics: ImportDiagnostics(report: Diagnostics.warn))
    }
}
