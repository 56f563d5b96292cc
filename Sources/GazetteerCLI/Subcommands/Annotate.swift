import ArgumentParser
import Foundation
import GazetteerInternals

/// `gazetteer annotate [FILE… | -]`: every place an article names, resolved with the article's context.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
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
        // Never released: the process ends with the command, and freeing the memos of a large input entry by
        // entry would cost more than they hold (callgrind: 1.7 % of annotating LGL's 588 articles).
        _ = Unmanaged.passRetained(annotator)
        let options = AnnotateOptions(
            minimumScore: minScore, alternatives: alternatives, demonyms: demonyms,
            countries: preferences.countries, near: preferences.point)
        let format = self.format ?? (Terminal.standardOutputIsTerminal ? .text : .ndjson)
        let output = StandardOutput()
        defer { output.flush() }
        let inputs = files.isEmpty ? ["-"] : files
        var records = format == .json ? JSONEnvelope(items: "documents", output: output) : nil
        var firstFeature = true
        // The places named in one document are named again in the next: their fields are written once.
        let placeMemo = Memo<String, [UInt8]>(capacity: 1 << 14)
        if format == .geojson {
            var json = JSONWriter()
            json.beginFeatureCollection()
            output.write(json.bytes)
        }

        /// Annotates one document, which `windows` hands over piece by piece, and writes its output as it goes.
        func emit(source: String, windows: ((String) throws -> Void) throws -> Void) throws {
            let document = DocumentAnnotation(annotator: annotator, options: options)
            /// The mentions of one window, with offsets from the window's start.
            func mentions(of window: String) throws -> [Mention] {
                let base = document.scalarOffset
                var mentions: [Mention] = []
                try document.annotate(window) { mention in
                    var mention = mention
                    mention.start -= base
                    mention.end -= base
                    mentions.append(mention)
                }
                return mentions
            }
            var json = JSONWriter()
            json.placeMemo = placeMemo
            switch format {
            case .json, .ndjson:
                // Mentions stream out as they are resolved, so a long document's output is never held whole.
                var summary = DocumentSummary()
                var started = false
                json.beginAnnotation(document: source)
                try windows { window in
                    try document.annotate(window) { mention in
                        json.mention(mention)
                        summary.add(mention)
                        if json.bytes.count >= 1 << 16 {
                            Self.write(json.takeBytes(), into: &records, started: &started, output: output)
                        }
                    }
                }
                json.endAnnotation(summary: summary)
                if format == .ndjson { json.raw("\n") }
                Self.write(json.takeBytes(), into: &records, started: &started, output: output)
            case .geojson:
                // One feature per place and window: a long document's mentions are never held whole.
                try windows { window in
                    var mentions: [Mention] = []
                    try document.annotate(window) { mentions.append($0) }
                    json.annotationFeatures(mentions, document: source, first: &firstFeature)
                    output.write(json.takeBytes())
                }
            case .html:
                // The outlines first: a malformed file must fail before any of the page is written.
                let outlines = try MapOutlines.load(from: DataDirectory.resolve())
                // The header counts every mention, so the article waits in an unnamed temporary file.
                var page = AnnotatedPage.Writer()
                let article = try ArticleSpool()
                try windows { window in try article.write(page.article(window, mentions: try mentions(of: window))) }
                try article.write(page.finishArticle())
                output.write(page.header(title: source == "-" ? "article" : source))
                try article.copy(to: output)
                output.write(page.footer(outlines: outlines))
            case .text:
                let color = Terminal.colorsStandardOutput
                try windows { window in
                    output.write(AnnotatedText.render(window, mentions: try mentions(of: window), color: color))
                }
                output.write("\n")
            }
        }

        for input in inputs {
            if lines {
                var reader = LineReader(descriptor: try InputFile.open(input), name: input)
                var number = 0
                while let line = try reader.next(willBlock: output.flush) {
                    number += 1
                    try emit(source: "\(input):\(number)") { try $0(line) }
                }
            } else {
                let descriptor = try InputFile.open(input)
                defer { if descriptor != STDIN_FILENO { close(descriptor) } }
                var reader = WindowReader(descriptor: descriptor)
                try emit(source: input) { body in
                    while let window = try reader.next() { try body(window) }
                }
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
