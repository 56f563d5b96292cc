import Foundation
import GazetteerInternals

/// What the harnesses share: the checkout's test fixtures, a scratch folder, one normalizer, and a small
/// gazetteer built from the annotation tests' fixtures.
enum Fixtures {
    /// The checkout root: Fuzz/Sources/GazetteerFuzz/Fixtures.swift, four levels up.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture folder of a test suite, e.g. `folder("AnnotationTests")`.
    static func folder(_ suite: String) -> URL {
        root.appendingPathComponent("Tests/\(suite)/Fixtures")
    }

    /// This process's scratch folder (under `TMPDIR`, which `Scripts/fuzz` points into /dev/shm, or the build folder).
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The project's rules, read once. A small memo: every input is new, and a large one would only hold
    /// memory that AddressSanitizer then watches.
    static let normalizer: NameNormalizer = orDie { NameNormalizer(rules: try NormalizationRules(), memoCapacity: 256) }

    /// An annotator over the annotation tests' gazetteer (about fifty places with their names) and the
    /// project's word lists, built as `AnnotationTestSupport` builds it.
    static let annotator: Annotator = orDie {
        let fixtures = folder("AnnotationTests")
        let url = scratch.appendingPathComponent("annotation.sqlite")
        let builder = try StoreBuilder(destination: url, normalizer: normalizer)
        try builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
        try builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
        try builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
        try builder.importAlternateNames(path: fixtures.appendingPathComponent("alternateNames.txt").path, label: "cldr")
        try builder.importCurated(directory: fixtures.appendingPathComponent("curated"))
        let data = try DataDirectory.resolve()
        for input in try BuildManifest(directory: data).inputs where input.kind == .lexicon {
            try builder.importLexicon(path: input.path.path, label: input.label)
        }
        try builder.finish()
        let database = try GazetteerDatabase(path: url.path)
        let resolver = Resolver(database: database, normalizer: normalizer, rules: try ResolverRules(normalizer: normalizer))
        return Annotator(resolver: resolver, rules: try AnnotationRules(database: database, normalizer: normalizer,
                                                                        dataDirectory: data))
    }

    /// The value `make` returns; set-up failing is not a finding, so it stops the run with the reason.
    static func orDie<T>(_ make: () throws -> T) -> T {
        do {
            return try make()
        } catch {
            FileHandle.standardError.write(Data("gazetteer-fuzz: error: set-up failed: \(error)\n".utf8))
            exit(2)
        }
    }
}
