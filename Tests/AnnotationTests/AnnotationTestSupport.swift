import Annotation
import Foundation
import GazetteerStore
import Normalization

/// An annotator over a small gazetteer built once from the fixtures (real GeoNames rows, CLDR names and
/// curated names for about fifty places) and the project's own word lists, so that the tests check the lexicons users get.
enum AnnotationTestSupport {
    static let annotator = try! Annotator(database: try! GazetteerDatabase(path: databasePath))

    /// The fixture gazetteer's file.
    static let databasePath: String = {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("annotation-\(UUID().uuidString).sqlite")
        let normalizer = try! NameNormalizer()
        let builder = try! StoreBuilder(destination: url, normalizer: normalizer)
        try! builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
        try! builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
        _ = try! builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
        _ = try! builder.importAlternateNames(path: fixtures.appendingPathComponent("alternateNames.txt").path, label: "cldr")
        try! builder.importCurated(directory: fixtures.appendingPathComponent("curated"))
        let manifest = try! BuildManifest(directory: DataDirectory.resolve())
        for input in manifest.inputs where input.kind == .lexicon {
            try! builder.importLexicon(path: input.path.path, label: input.label)
        }
        _ = try! builder.finish()
        return url.path
    }()

    /// Each mention of `text` as its span's text and the GeoNames number of its place (nil if unresolved).
    static func mentions(_ text: String, _ options: AnnotateOptions = AnnotateOptions()) throws -> [Found] {
        try annotator.annotate(text, options: options).map { mention in
            Found(text: mention.text, place: mention.place.map { Int($0.place.id.dropFirst("geonames:".count)) ?? 0 })
        }
    }

    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var place: Int?

        init(text: String, place: Int?) {
            self.text = text
            self.place = place
        }

        init(_ text: String, _ place: Int?) {
            self.init(text: text, place: place)
        }

        var description: String { "\(text)→\(place.map(String.init) ?? "nil")" }
    }
}
