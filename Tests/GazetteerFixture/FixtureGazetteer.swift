import Foundation
import GazetteerStore
import Normalization

/// The small gazetteer the resolver, service and command-line tests share: real GeoNames rows for the
/// places the tests name, curated names, Who's On First places and test lexicons (the files in
/// `Fixtures/`, which `Scripts/fixture-database` also imports for the scripts that run a live server).
public enum FixtureGazetteer {
    /// The folder of fixture files.
    public static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    public static let normalizer = try! NameNormalizer()

    /// The fixture database, built once per test process into a temporary file.
    public static let database: GazetteerDatabase = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).sqlite")
        let builder = try! StoreBuilder(destination: url, normalizer: normalizer)
        try! builder.importCountryInfo(path: file("countryInfo.txt"))
        try! builder.importAdmin1Codes(path: file("admin1.txt"))
        try! builder.importPlaces(path: file("places.txt"))
        try! builder.importCurated(directory: directory.appendingPathComponent("curated"))
        try! builder.importWhosOnFirst(directory: directory.appendingPathComponent("wof"))
        try! builder.importLexicon(path: file("lexicon.txt"), label: "common")
        try! builder.importLexicon(path: file("surnames.txt"), label: "surname")
        try! builder.finish()
        return try! GazetteerDatabase(path: url.path)
    }()

    /// The path of the fixture file `name`.
    public static func file(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}
