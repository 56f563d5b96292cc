import ArgumentParser
import Foundation
import GazetteerInternals

/// The `gazetteer` command: subcommands and the exit-status contract, nothing else.
@main
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Resolve place names in any spelling and script to places.",
        discussion: """
            Names are compared through keys that survive transliteration and romanization conventions:
            Cermuk, Jermuk, Dzhermuk, Джермук and Ջերմուկ are one name.

            Exit status: 0 success; 1 some names or ids found no answer (the rest of the output is valid); \
            64 usage error (a bad option or value, --out naming an input); 65 bad data (malformed rows with \
            --strict, a file with no usable row, a damaged or foreign database); 66 a missing or unreadable \
            input or database, or a folder; 70 internal error; 73 the output cannot be created; 74 I/O error \
            (a read failed, or standard output is full or closed); 128+N stopped by signal N (130 Ctrl-C). \
            Errors are one line on standard error: gazetteer: error: … or FILE:LINE: error: ….

            The data folder (rules, place tables, word lists) is the first of: $GAZETTEER_DATA; a Gazetteer \
            folder beside the executable; ../share/gazetteer from the executable's folder (an installed copy); \
            the source checkout the executable was built from. The default database is $GAZETTEER_DB, else \
            $XDG_CACHE_HOME/gazetteer/default.sqlite, else ~/.cache/gazetteer/default.sqlite; it is built from \
            the data folder on first use and rebuilt when the data changes.

            Colour on a terminal is turned off by NO_COLOR (set and not empty) or TERM=dumb.
            """,
        // Each subcommand names itself in its configuration: otherwise ArgumentParser derives the name with
        // `String(describing:)`, whose runtime conformance scans of this large binary cost 17 M instructions
        // (a fifth of `resolve NAME`) at every start.
        subcommands: [Annotate.self, Resolve.self, Normalize.self, Near.self, Serve.self, Build.self, Import.self, Info.self,
                      Stats.self]
    )

    @Flag(help: "Show the version, the data folder and database in use, and the rules' fingerprint.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        try StandardStreams.print(VersionReport.text(), terminator: "")
    }

    /// Runs the command and turns what ends it into an exit status (see ``ExitStatus``) and, for errors,
    /// one line on standard error.
    ///
    /// Mistakes in the arguments get ArgumentParser's message with the usage line; errors once the command
    /// runs (a missing database, an unreadable file) are one line, because the usage does not help there.
    static func main() {
        StandardStreams.reserveClosedDescriptors()
        TemporaryFiles.removeOnTermination()
        var command: any ParsableCommand
        do {
            command = try parseNamesFast(Array(CommandLine.arguments.dropFirst()))
        } catch {
            exitIfClean(error)
            Diagnostics.report(fullMessage(for: error))
            Foundation.exit(ExitStatus.of(error))
        }
        do {
            try command.run()
            Self.exit(0)
        } catch let exit as ExitCode {
            Self.exit(exit.rawValue)
        } catch {
            exitIfClean(error)
            Diagnostics.report(message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; "))
            Foundation.exit(ExitStatus.of(error))
        }
    }

    /// Exits with `status`, unless a lookup met a damaged database: answers may then be missing, and the
    /// damage is the error.
    private static func exit(_ status: Int32) -> Never {
        if let damage = LookupDamage.reported {
            Diagnostics.report(damage.description)
            Foundation.exit(ExitStatus.of(damage))
        }
        Foundation.exit(status)
    }

    /// Help and completion scripts arrive as errors that are not failures (from parsing, or from the `help`
    /// subcommand's run): they are printed on standard output with status 0.
    private static func exitIfClean(_ error: any Error) {
        guard exitCode(for: error) == .success else { return }
        Self.exit((try? StandardStreams.print(fullMessage(for: error))) == nil ? ExitStatus.ioError : 0)
    }
}

/// A subcommand whose positional arguments are names, any number of them (`resolve $(cat names.txt)`).
protocol TakesNames: ParsableCommand {
    var names: [String] { get set }
}

extension GazetteerCommand {
    static let commandsTakingNames: [any TakesNames.Type] = [Resolve.self, Normalize.self]

    /// Parses `arguments`, handing the trailing run of plain words of a command that takes names straight
    /// to its `names`: ArgumentParser copies the whole array to append each positional value, which makes
    /// 100,000 names take minutes. It parses everything up to the run's first word, which may be an
    /// option's value or a name, and the rest of the run can only be names.
    static func parseNamesFast(_ arguments: [String]) throws -> any ParsableCommand {
        guard let first = arguments.first, commandsTakingNames.contains(where: { $0._commandName == first }) else {
            return try parseAsRoot(arguments)
        }
        // After "--" every argument is a name; before it, a plain word (or "-") at the end of the line.
        var start = arguments.count
        if let terminator = arguments.firstIndex(of: "--") {
            start = terminator + 1
        } else {
            while start > 1, arguments[start - 1] == "-" || !arguments[start - 1].hasPrefix("-") { start -= 1 }
        }
        guard arguments.count - start >= 2 else { return try parseAsRoot(arguments) }
        let command = try parseAsRoot(Array(arguments[...start]))
        guard var named = command as? any TakesNames else { return try parseAsRoot(arguments) }
        named.names += arguments[(start + 1)...]
        return named
    }
}

extension ExitCode {
    /// Some inputs found no answer; the rest of the output is valid.
    static let partialFailure = ExitCode(ExitStatus.partialFailure)
}
