import ArgumentParser
import Foundation
import GazetteerKit

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
            """,
        subcommands: [Annotate.self, Resolve.self, Normalize.self, Build.self, Import.self, Info.self, Stats.self]
    )

    /// Runs the command and turns what ends it into an exit status (see ``ExitStatus``) and, for errors,
    /// one line on standard error.
    static func main() {
        StandardStreams.reserveClosedDescriptors()
        TemporaryFiles.removeOnTermination()
        do {
            var command = try parseAsRoot()
            try command.run()
            Self.exit(0)
        } catch let exit as ExitCode {
            Self.exit(exit.rawValue)
        } catch {
            let status = ExitStatus.of(error)
            if status == 0 {
                Self.exit((try? StandardStreams.print(fullMessage(for: error))) == nil ? ExitStatus.ioError : 0)
            }
            Diagnostics.report(fullMessage(for: error))
            Foundation.exit(status)
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
}

extension ExitCode {
    /// Some inputs found no answer; the rest of the output is valid.
    static let partialFailure = ExitCode(ExitStatus.partialFailure)
}
