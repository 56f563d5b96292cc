import ArgumentParser
import Foundation
import GazetteerInternals

/// `gazetteer resolve NAME…`: ranked places for each name, streamed for names on standard input.
struct Resolve: TakesNames {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve place names to ranked places, with the reason for each match.",
        discussion: """
            With no NAME (or -), names are read from standard input, one per line, and one answer is written \
            per name as it comes. Exit status: 0 when every name resolved, 1 when some did not; errors as \
            `gazetteer --help` lists.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, ndjson, geojson, csv
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format (default: text on a terminal, ndjson otherwise).")
    var format: Format?

    // Numeric options parse unconditionally, so that `--limit -1` gets the range error, not "missing value".
    @Option(parsing: .unconditional, help: "At most this many places per name.")
    var limit = 5

    @Option(parsing: .unconditional, help: ArgumentHelp("Return nothing scoring below this (0…1).", valueName: "score"))
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
        if let feature, FeatureFilter.list(feature) == nil {
            let classes = FeatureFilter.classes.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            throw ValidationError("--feature must be CLASS or CLASS.CODE (e.g. P or A.ADM1), comma-separated; "
                                  + "the classes are \(classes)")
        }
    }

    func run() throws {
        let gazetteer = try database.open()
        let features = feature.flatMap(FeatureFilter.list) ?? []
        try Self.checkCodes(of: features, in: gazetteer)
        try preferences.warnAboutAbsentCountries(in: gazetteer)
        let resolver = try Resolver(database: gazetteer)
        let options = ResolveOptions(
            limit: limit, minimumScore: minScore, countries: preferences.countries,
            near: preferences.point, features: features, fuzzy: !noFuzzy)
        let format = self.format ?? (Terminal.standardOutputIsTerminal ? .text : .ndjson)
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
            while let line = try reader.next(willBlock: output.flush) { try answer(line) }
        } else {
            for name in names { try answer(name) }
        }
        writer.finish()
        output.flush()
        // The process exits after the command: the resolver's memos hold every answer of a stream, and freeing
        // them one by one cost 1.5 % of resolving 50,000 names (callgrind) for memory the exit returns anyway.
        _ = Unmanaged.passRetained(resolver)
        if unresolved > 0 { throw ExitCode.partialFailure }
    }

    /// A code no place has is a usage error naming the codes of its class that places do have: GeoNames has
    /// about 680 codes, and a mistyped one would otherwise find nothing, silently. A class without places
    /// is only a warning: it is a real class that this database lacks.
    private static func checkCodes(of features: [FeatureFilter], in gazetteer: GazetteerDatabase) throws {
        for feature in features where try !gazetteer.hasPlaces(featureClass: feature.featureClass, code: feature.code) {
            let codes = try gazetteer.featureCodes().filter { $0.hasPrefix(feature.featureClass + ".") }.sorted()
            if codes.isEmpty {
                Diagnostics.warn("--feature \(feature): no place in the database is of class \(feature.featureClass)")
            } else {
                let valid = codes.map { String($0.dropFirst(2)) }.joined(separator: ", ")
                throw ValidationError("--feature \(feature): no place in the database has this code; "
                                      + "codes of class \(feature.featureClass) here: \(valid)")
            }
        }
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
