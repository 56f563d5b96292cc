import Foundation
import GazetteerStore
import Normalization

/// A small gazetteer built once from the resolver tests' fixtures (real GeoNames rows for Jermuk, Goris,
/// Sotk, İstisu, Springfield …), for the facade to open by path.
enum FacadeTestSupport {
    static let databasePath: String = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ResolutionTests/Fixtures")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("facade-\(UUID().uuidString).sqlite")
        let builder = try! StoreBuilder(destination: url, normalizer: try! NameNormalizer())
        try! builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
        try! builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
        try! builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
        try! builder.importCurated(directory: fixtures.appendingPathComponent("curated"))
        try! builder.importLexicon(path: fixtures.appendingPathComponent("lexicon.txt").path, label: "common")
        try! builder.finish()
        return url.path
    }()
}
