import ArgumentParser
import Foundation
import GazetteerInternals

/// `gazetteer import geonames`: a database from GeoNames dumps a user brings.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a gazetteer database from data you bring.",
        subcommands: [GeoNames.self])

    struct GeoNames: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "geonames",
            abstract: "Build a database from GeoNames dump files.",
            discussion: """
                FILE is a place table in GeoNames' 19-column format: allCountries.txt, a country file such as \
                AM.txt, or citiesN.txt (plain, .gz, or .zip as GeoNames publishes them). Malformed rows are reported and skipped, with a count at \
                the end, unless --strict.
                """)

        @Argument(help: ArgumentHelp("GeoNames place tables.", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("alternateNamesV2.txt or .zip (or alternateNames.txt).", valueName: "file"))
        var alternateNames: [String] = []

        @Option(help: ArgumentHelp("admin1CodesASCII.txt.", valueName: "file"))
        var admin1: String?

        @Option(help: ArgumentHelp("admin2Codes.txt.", valueName: "file"))
        var admin2: String?

        @Option(help: ArgumentHelp("countryInfo.txt.", valueName: "file"))
        var countries: String?

        @Option(help: ArgumentHelp("Also load a curated overlay folder (places/, names/, corrections.tsv).",
                                   valueName: "dir"))
        var curated: String?

        @Option(help: ArgumentHelp("Lists of ordinary words, one per line (default: the project's lexicons of words, names and titles).",
                                   valueName: "file"))
        var lexicon: [String] = []

        @Option(help: ArgumentHelp("The database to write.", valueName: "path"))
        var out: String

        @Flag(help: "Fail on the first malformed row instead of reporting and skipping it.")
        var strict = false

        func run() throws {
            let lexicons = try lexicon.isEmpty ? Self.projectLexicons() : lexicon.map({ ($0, "common") })
            let inputs = files + alternateNames + [admin1, admin2, countries].compactMap { $0 } + lexicons.map(\.0)
            try StoreBuilder.checkDestination(URL(fileURLWithPath: out), against: inputs)
            let bar = ProgressBar()
            defer { bar.finish() }
            let builder = try StoreBuilder(
                destination: URL(fileURLWithPath: out), normalizer: try NameNormalizer(),
                diagnostics: ImportDiagnostics(strict: strict, report: Diagnostics.warn), progress: bar.update)
            if let countries { try builder.importCountryInfo(path: countries) }
            if let admin1 { try builder.importAdmin1Codes(path: admin1) }
            if let admin2 { try builder.importAdmin2Codes(path: admin2) }
            for file in files { try builder.importPlaces(path: file) }
            for file in alternateNames { try builder.importAlternateNames(path: file) }
            if let curated { try builder.importCurated(directory: URL(fileURLWithPath: curated)) }
            for (file, category) in lexicons {
                try builder.importLexicon(path: file, label: category)
            }
            let report = try builder.finish()
            bar.finish()
            try StandardStreams.print(Summary.build(report))
        }

        /// The lexicons of the project's data folder, so that a user's gazetteer tells ordinary words from
        /// place names too.
        static func projectLexicons() throws -> [(String, String)] {
            guard let manifest = try? BuildManifest(directory: DataDirectory.resolve()) else { return [] }
            return manifest.inputs.filter { $0.kind == .lexicon }.map { ($0.path.path, $0.label) }
        }
    }
}
