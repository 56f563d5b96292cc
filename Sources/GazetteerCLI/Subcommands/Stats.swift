import ArgumentParser
import Foundation
import GazetteerInternals

/// `gazetteer stats`: what the database holds, by country, feature, source and name kind.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the database's places and names by country, feature, source and kind.")

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "How many countries and features to list in text output.")
    var top = 15

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must not be negative") }
    }

    func run() throws {
        let statistics = try database.open().statistics()
        switch format {
        case .text:
            try StandardStreams.print(TextReport.statistics(statistics, top: top), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            // One naming convention across every output: snake_case, as the metadata keys already are.
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try StandardStreams.print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
        }
    }
}
