import ArgumentParser
import Foundation
import GazetteerKit

/// `gazetteer resolve NAME…`: ranked places for each name, streamed for names on standard input.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resolve place names to ranked places, with the reason for each match.",
        discussion: """
            With no NAME (or -), names are read from standard input, one per line, and one answer is written \
            per name as it comes. Exit status: 0 when every name resolved, 1 when some did not, 2 on usage or \
            data errors.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, ndjson, geojson, csv
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format (default: text on a terminal, ndjson otherwise).")
    var format: Format?

    @Option(help: "At most this many places per name.")
    var limit = 5

    @Option(help: ArgumentHelp("Return nothing scoring below this (0…1).", valueName: "score"))
    var minScore = ResolveOptions.defaultMinimumScore

    @OptionGroup var preferences: PreferenceOptions

    @Option(help: ArgumentHelp("Only places of this feature class or code, e.g. P or A.ADM1 (comma-separated).",
                               valueName: "CLASS[.CODE]"))
    var feature: String?

    @Flag(help: "Do not try edit-distance matches.")
    var noFuzzy = false

    @Argument(help: "Names to resolve.")
    var names: [String] = []

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        if let feature, FeatureFilter.list(feature) == nil { throw ValidationError("--feature must be CLASS or CLASS.CODE, e.g. P or A.ADM1") }
    }

    func run() throws {
        let resolver = try Resolver(database: try database.open())
        let options = ResolveOptions(
            limit: limit, minimumScore: minScore, countries: preferences.countries,
            near: preferences.point, features: feature.flatMap(FeatureFilter.list) ?? [], fuzzy: !noFuzzy)
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .ndjson)
        let output = StandardOutput()
        var writer = ResolveWriter(format: format, output: output)
        var unresolved = 0
        let fromInput = names.isEmpty || names == ["-"]
        func answer(_ name: String) throws {
            let resolution = try resolver.resolve(name, options: options)
            if resolution.results.isEmpty { unresolved += 1 }
            writer.write(resolution)
        }
        if fromInput {
            var reader = LineReader()
            while let line = reader.next(willBlock: output.flush) { try answer(line) }
        } else {
            for name in names { try answer(name) }
        }
        writer.finish()
        output.flush()
        if unresolved > 0 { throw ExitCode.partialFailure }
    }
}

/// Writes resolutions in the chosen format as they come.
struct ResolveWriter {
    let format: Resolve.Format
    let output: StandardOutput
    private var json = JSONWriter()
    private var records: JSONEnvelope?
    private var features = 0

    init(format: Resolve.Format, output: StandardOutput) {
        self.format = format
        self.output = output
        switch format {
        case .json: records = JSONEnvelope(items: "resolutions", output: output)
        case .geojson:
            json.beginFeatureCollection()
            output.write(json.bytes)
        case .csv: output.write(CSVOutput.header)
        case .text, .ndjson: break
        }
    }

    mutating func write(_ resolution: Resolution) {
        json.reset()
        switch format {
        case .text:
            output.write(TextReport.resolution(resolution))
        case .json:
            json.resolution(resolution)
            records?.append(json.bytes)
        case .ndjson:
            json.resolution(resolution)
            json.raw("\n")
            output.write(json.bytes)
        case .geojson:
            for (index, result) in resolution.results.enumerated() {
                json.reset()
                if features > 0 { json.raw(",") }
                json.geoJSONFeature(result, query: resolution.query, rank: index + 1)
                output.write(json.bytes)
                features += 1
            }
        case .csv:
            output.write(CSVOutput.rows(resolution))
        }
    }

    func finish() {
        switch format {
        case .json: records?.finish()
        case .geojson: output.write("]}\n")
        case .text, .ndjson, .csv: break
        }
    }
}
