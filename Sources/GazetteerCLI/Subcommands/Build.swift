import ArgumentParser
import Foundation
import GazetteerInternals

/// `gazetteer build`: the default gazetteer from a data folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the gazetteer database from the project's data folder.",
        discussion: "Loads the inputs listed in the folder's build.tsv: GeoNames tables, the curated overlay and "
            + "Who's On First records.")

    @Option(help: ArgumentHelp("The data folder (default: the project's Gazetteer/ folder).", valueName: "dir"))
    var from: String?

    @Option(help: ArgumentHelp("Where to write the database (default: the default database's location).",
                               valueName: "path"))
    var out: String?

    @Flag(help: "Fail on the first malformed input row instead of reporting and skipping it.")
    var strict = false

    func run() throws {
        let directory = try from.map { URL(fileURLWithPath: $0) } ?? DataDirectory.resolve()
        let destination = out.map { URL(fileURLWithPath: $0) } ?? DefaultDatabase.location
        let bar = ProgressBar()
        defer { bar.finish() }
        let report = try DefaultDatabase.build(
            manifest: try BuildManifest(directory: directory), to: destination, progress: bar.update,
            diagnostics: ImportDiagnostics(strict: strict, report: Diagnostics.warn))
        bar.finish()
        try StandardStreams.print(Summary.build(report))
    }
}

/// One-line reports of what a build or import did.
enum Summary {
    static func build(_ report: StoreBuilder.Report) -> String {
        let skipped = report.skippedRows.values.reduce(0, +)
        var text = "\(report.path): \(report.places) places, \(report.names) names"
        text += String(format: " in %.1f s", report.seconds)
        if skipped > 0 { text += "; \(skipped) malformed row\(skipped == 1 ? "" : "s") skipped" }
        return text
    }
}
