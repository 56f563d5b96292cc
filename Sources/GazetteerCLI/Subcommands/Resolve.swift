import ArgumentParser
import Foundation
import GazetteerKit

/// `gazetteer resolve NAME…`: ranked places for each name, streamed for names on standard input.
struct Resolve: TakesNames {
    static let configuration = CommandConfiguration(
        abstract: "Resolve place names to ranked places, with the reason for each match.",
        discussion: """
            With no NAME (or -), names are read from standard input, one per line, and one answer is written \
            per name as it comes. Exit status: 0 when every name resolved, 1 when some did not, 2 on usage or \
            data errors.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json, ndjson, geojson, csv
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format (default: table on a terminal, ndjson otherwise).")
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
        if let feature, parseFeatures(feature) == nil { throw ValidationError("--feature must be CLASS or CLASS.CODE, e.g. P or A.ADM1") }
    }

    func run() throws {
        let resolver = try Resolver(database: try database.open())
        let options = ResolveOptions(
            limit: limit, minimumScore: minScore, countries: preferences.countries,
            near: preferences.point, features: feature.flatMap(parseFeatures) ?? [], fuzzy: !noFuzzy)
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .ndjson)
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
        writer.finish(expectsMany: !fromInput && names.count > 1)
        output.flush()
        if unresolved > 0 { throw ExitCode.partialFailure }
    }

    private func parseFeatures(_ text: String) -> [FeatureFilter]? {
        let filters = text.split(separator: ",").map { FeatureFilter(String($0).trimmingCharacters(in: .whitespaces)) }
        return filters.contains(where: { $0 == nil }) ? nil : filters.compactMap { $0 }
    }
}

/// Writes resolutions in the chosen format as they come.
struct ResolveWriter {
    let format: Resolve.Format
    let output: StandardOutput
    private var json = JSONWriter()
    private var records = JSONValueSequence()
    private var features = 0
    private var started = false

    init(format: Resolve.Format, output: StandardOutput) {
        self.format = format
        self.output = output
    }

    mutating func write(_ resolution: Resolution) {
        json.reset()
        switch format {
        case .table:
            output.write(TextReport.resolution(resolution))
        case .json:
            json.resolution(resolution)
            records.append(json.bytes, to: output)
        case .ndjson:
            json.resolution(resolution)
            json.raw("\n")
            output.write(json.bytes)
        case .geojson:
            if !started { output.write("{\"type\":\"FeatureCollection\",\"features\":[") }
            for (index, result) in resolution.results.enumerated() {
                json.reset()
                if features > 0 { json.raw(",") }
                json.geoJSONFeature(result, query: resolution.query, rank: index + 1)
                output.write(json.bytes)
                features += 1
            }
        case .csv:
            if !started { output.write(CSVOutput.header) }
            output.write(CSVOutput.rows(resolution))
        }
        started = true
    }

    mutating func finish(expectsMany: Bool) {
        switch format {
        case .json: records.finish(to: output, expectsMany: expectsMany)
        case .geojson:
            if !started { output.write("{\"type\":\"FeatureCollection\",\"features\":[") }
            output.write("]}\n")
        case .csv: if !started { output.write(CSVOutput.header) }
        case .table, .ndjson: break
        }
    }
}
