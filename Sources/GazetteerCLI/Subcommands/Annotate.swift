import ArgumentParser
import Foundation
import GazetteerKit

/// `gazetteer annotate [FILE… | -]`: every place an article names, resolved with the article's context.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the place names in articles and resolve them in context.",
        discussion: """
            Reads the files given, or standard input (-). Offsets are in Unicode scalars from the start of each \
            input, end exclusive. Exit status: 0 on success, 2 on usage or data errors.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, ndjson, geojson, html, text
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format (default: text on a terminal, json otherwise).")
    var format: Format?

    @Flag(help: "Annotate each line of the input as a document of its own (with ndjson: one object per line).")
    var lines = false

    @Option(help: ArgumentHelp("Leave out mentions scoring below this (0…1).", valueName: "score"))
    var minScore = AnnotateOptions().minimumScore

    @Option(help: "How many alternative places to give per mention.")
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
        for file in files where file != "-" && !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() throws {
        let annotator = try Annotator(database: try database.open())
        let options = AnnotateOptions(
            minimumScore: minScore, alternatives: alternatives, demonyms: demonyms,
            countries: preferences.countries, near: preferences.point)
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)
        let output = StandardOutput()
        defer { output.flush() }
        let inputs = files.isEmpty ? ["-"] : files
        // One input gives one object; several inputs, or lines, an array of them.
        let many = inputs.count > 1 || lines
        var records = 0
        var firstFeature = true
        if format == .geojson { output.write("{\"type\":\"FeatureCollection\",\"features\":[") }
        if format == .json, many { output.write("[") }

        /// Annotates one document, which `windows` hands over piece by piece, and writes its output as it goes.
        func emit(source: String?, windows: ((String) throws -> Void) throws -> Void) throws {
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
            switch format {
            case .json, .ndjson:
                // Mentions stream out as they are resolved, so a long document's output is never held whole.
                if format == .json, records > 0 { output.write(",") }
                json.beginAnnotation(source: format == .ndjson ? source ?? "-" : many ? source : nil)
                try windows { window in
                    try document.annotate(window) { mention in
                        json.mention(mention)
                        if json.bytes.count >= 1 << 16 { output.write(json.takeBytes()) }
                    }
                }
                json.endAnnotation()
                if format == .ndjson { json.raw("\n") }
                output.write(json.takeBytes())
            case .geojson:
                // One feature per place and window: a long document's mentions are never held whole.
                try windows { window in
                    var mentions: [Mention] = []
                    try document.annotate(window) { mentions.append($0) }
                    json.annotationFeatures(mentions, source: source, first: &firstFeature)
                    output.write(json.takeBytes())
                }
            case .html:
                // The header counts every mention, so the article waits in an unnamed temporary file.
                var page = AnnotatedPage.Writer()
                let article = try ArticleSpool()
                try windows { window in try article.write(page.article(window, mentions: try mentions(of: window))) }
                try article.write(page.finishArticle())
                output.write(page.header(title: source == "-" ? "article" : source ?? "article"))
                try article.copy(to: output)
                output.write(page.footer())
            case .text:
                let color = isatty(STDOUT_FILENO) == 1
                try windows { window in
                    output.write(AnnotatedText.render(window, mentions: try mentions(of: window), color: color))
                }
                output.write("\n")
            }
            records += 1
        }

        for input in inputs {
            if lines {
                var reader = LineReader(descriptor: try Self.open(input))
                var number = 0
                while let line = reader.next(willBlock: output.flush) {
                    number += 1
                    try emit(source: "\(input):\(number)") { try $0(line) }
                }
            } else {
                let descriptor = try Self.open(input)
                defer { if descriptor != STDIN_FILENO { close(descriptor) } }
                var reader = WindowReader(descriptor: descriptor)
                try emit(source: input) { body in
                    while let window = try reader.next() { try body(window) }
                }
            }
        }
        switch format {
        case .json: output.write(many ? "]\n" : "\n")
        case .geojson: output.write("]}\n")
        default: break
        }
    }

    private static func open(_ input: String) throws -> Int32 {
        if input == "-" { return STDIN_FILENO }
        let descriptor = Foundation.open(input, O_RDONLY)
        guard descriptor >= 0 else { throw ValidationError("cannot read \(input)") }
        return descriptor
    }
}
