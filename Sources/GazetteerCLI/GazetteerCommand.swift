import ArgumentParser
import Foundation

/// The `gazetteer` command: subcommands and the exit-status contract, nothing else.
@main
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Resolve place names in any spelling and script to places.",
        discussion: """
            Names are compared through keys that survive transliteration and romanization conventions:
            Cermuk, Jermuk, Dzhermuk, Джермук and Ջերմուկ are one name.

            The data folder (rules, place tables, word lists) is the first of: $GAZETTEER_DATA; a Gazetteer \
            folder beside the executable; ../share/gazetteer from the executable's folder (an installed copy); \
            the source checkout the executable was built from. The default database is $GAZETTEER_DB, else \
            $XDG_CACHE_HOME/gazetteer/default.sqlite, else ~/.cache/gazetteer/default.sqlite; it is built from \
            the data folder on first use and rebuilt when the data changes.

            Colour on a terminal is turned off by NO_COLOR (set and not empty) or TERM=dumb.
            """,
        subcommands: [Annotate.self, Resolve.self, Normalize.self, Build.self, Import.self, Info.self, Stats.self]
    )

    @Flag(help: "Show the version, the data folder and database in use, and the rules' fingerprint.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(VersionReport.text(), terminator: "")
    }

    /// Exit status: 0 success, 1 when some input found no answer, 2 on usage or data errors.
    ///
    /// Mistakes in the arguments get ArgumentParser's message with the usage line; errors once the command
    /// runs (a missing database, an unreadable file) are one line, because the usage does not help there.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitIfClean(error)
            Diagnostics.report(fullMessage(for: error))
            Foundation.exit(ExitCode.usageOrDataError.rawValue)
        }
        do {
            try command.run()
        } catch let exit as ExitCode where exit == .partialFailure {
            Foundation.exit(exit.rawValue)
        } catch {
            exitIfClean(error)
            Diagnostics.report(message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; "))
            Foundation.exit(ExitCode.usageOrDataError.rawValue)
        }
    }

    /// Help and completion scripts arrive as errors that are not failures (from parsing, or from the `help`
    /// subcommand's run): they are printed on standard output with status 0.
    private static func exitIfClean(_ error: any Error) {
        guard exitCode(for: error) == .success else { return }
        print(fullMessage(for: error))
        Foundation.exit(0)
    }
}

extension ExitCode {
    /// Some inputs found no answer; the rest of the output is valid.
    static let partialFailure = ExitCode(1)
    /// Bad arguments or unusable data; a message says which.
    static let usageOrDataError = ExitCode(2)
}
