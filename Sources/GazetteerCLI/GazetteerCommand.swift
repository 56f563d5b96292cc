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
        subcommands: [Annotate.self, Resolve.self, Normalize.self, Build.self, Import.self, Info.self, Stats.self]
    )

    /// Exit status: 0 success, 1 when some input found no answer, 2 on usage or data errors.
    static func main() {
        do {
            var command = try parseNamesFast(Array(CommandLine.arguments.dropFirst()))
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
    static let partialFailure = ExitCode(1)
    /// Bad arguments or unusable data; a message says which.
    static let usageOrDataError = ExitCode(2)
}
