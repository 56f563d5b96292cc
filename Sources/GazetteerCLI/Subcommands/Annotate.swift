import ArgumentParser
import Foundation
import GazetteerKit

/// `gazetteer annotate [FILE… | -]`: every place an article names, resolved with the article's context.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the place names in articles and resolve them in context.",
        discussion: """
            Reads the files given, or standard input (-). Offsets are in Unicode scalars from the start of each \
            input, end exclusive. Exit status: 0 on success; otherwise as `gazetteer --help` lists.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, ndjson, geojson, html, text
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format (default: text on a terminal, ndjson otherwise).")
    var format: Format?

    @Flag(help: "Annotate each line of the input as a document of its own (with ndjson: one object per line).")
    var lines = false

    // Numeric options parse unconditionally, so that a negative value gets the range error, not "missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("Leave out mentions scoring below this (0…1).", valueName: "score"))
    var minScore = AnnotateOptions().minimumScore

    @Option(parsing: .unconditional, help: "How many alternative places to give per mention.")
    var alternatives = AnnotateOptions().alternatives

    @OptionGroup var preferences: PreferenceOptions

    @Flag(help: "Also mark nationality adjectives (American, Russian) as mentions of their country.")
    var demonyms = false

    @Argument(help: ArgumentHelp("Text files to annotate (- for standard input).", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        guard alternatives >= 0 else { throw ValidationError("--alternatives must not be negative") }
        if format == .html, files.count > 1 || lines {
            throw ValidationError("--format html makes one page of one article: give one file, without --lines")
        }
    }

    func run() throws {
        for file in files { try InputFile.check(file) }
        let gazetteer = try database.open()
        try preferences.warnAboutAbsentCountries(in: gazetteer)
        let annotator = try Annotator(database: gazetteer)
        let options = AnnotateOptions(
            minimumScore: minScore, alternatives: alternatives, demonyms: demonyms,
            countries: preferences.countries, near: preferences.point)
        let format = self.format ?? (Terminal.standardOutputIsTerminal ? .text : .ndjson)
        let output = StandardOutput()
        defer { output.flush() }
        let inputs = files.isEmpty ? ["-"] : files
        var records = format == .json ? JSONEnvelope(items: "documents", output: output) : nil
        var firstFeature = true
        if format == .geojson {
            var json = JSONWriter()
            json.beginFeatureCollection()
            output.write(json.bytes)
        }

        func emit(_ text: String, source: String) throws {
            var json = JSONWriter()
            switch format {
            case .json, .ndjson:
                // Mentions stream out as they are resolved, so a long document's output is never held whole.
                var summary = DocumentSummary()
                var started = false
                json.beginAnnotation(document: source)
                try annotator.annotate(text, options: options) { mention in
                    json.mention(mention)
                    summary.add(mention)
                    if json.bytes.count >= 1 << 16 {
                        Self.write(json.takeBytes(), into: &records, started: &started, output: output)
                    }
                }
                json.endAnnotation(summary: summary)
                if format == .ndjson { json.raw("\n") }
                Self.write(json.takeBytes(), into: &records, started: &started, output: output)
            case .geojson:
                json.annotationFeatures(try annotator.annotate(text, options: options), document: source,
                                        first: &firstFeature)
                output.write(json.bytes)
            case .html:
                let mentions = try annotator.annotate(text, options: options)
                let outlines = try MapOutlines.load(from: DataDirectory.resolve())
                output.write(AnnotatedPage.render(text, mentions: mentions, title: source == "-" ? "article" : source,
                                                  outlines: outlines))
            case .text:
                let mentions = try annotator.annotate(text, options: options)
                output.write(AnnotatedText.render(text, mentions: mentions, color: Terminal.colorsStandardOutput) + "\n")
            }
        }

        for input in inputs {
            if lines {
                var reader = LineReader(descriptor: try InputFile.open(input), name: input)
                var number = 0
                while let line = try reader.next(willBlock: output.flush) {
                    number += 1
                    try emit(line, source: "\(input):\(number)")
                }
            } else {
                try emit(try InputFile.text(of: input), source: input)
            }
        }
        switch format {
        case .json: records?.finish()
        case .geojson: output.write("]}\n")
        default: break
        }
    }

    /// Writes a piece of a document: the first piece of each document goes into the JSON envelope as a new
    /// record, later pieces continue it.
    private static func write(_ bytes: [UInt8], into records: inout JSONEnvelope?, started: inout Bool,
                              output: StandardOutput) {
        if records != nil, !started {
            records?.append(bytes)
        } else {
            output.write(bytes)
        }
        started = true
    }
}
