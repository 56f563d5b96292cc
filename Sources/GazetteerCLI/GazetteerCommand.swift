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
            """,
        subcommands: [Annotate.self, Resolve.self, Normalize.self, Near.self, Serve.self, Build.self, Import.self, Info.self,
                      Stats.self]
    )

    /// Exit status: 0 success, 1 when some input found no answer, 2 on usage or data errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode where exit == .partialFailure {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Diagnostics.report(fullMessage(for: error))
            Foundation.exit(ExitCode.usageOrDataError.rawValue)
        }
    }
}

extension ExitCode {
    /// Some inputs found no answer; the rest of the output is valid.
    static let partialFailure = ExitCode(1)
    /// Bad arguments or unusable data; a message says which.
    static let usageOrDataError = ExitCode(2)
}
