import Foundation
import GazetteerStore
import Normalization
import Resolution

/// A small gazetteer built once from the fixtures, and a resolver over it.
enum ResolverTestSupport {
    static let normalizer = try! NameNormalizer()

    static let resolver: Resolver = {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString).sqlite")
        let builder = try! StoreBuilder(destination: url, normalizer: normalizer)
        try! builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
        try! builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
        try! builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
        try! builder.importCurated(directory: fixtures.appendingPathComponent("curated"))
        try! builder.importWhosOnFirst(directory: fixtures.appendingPathComponent("wof"))
        try! builder.importLexicon(path: fixtures.appendingPathComponent("lexicon.txt").path, label: "common")
        try! builder.finish()
        return Resolver(database: try! GazetteerDatabase(path: url.path), normalizer: normalizer,
                        rules: try! ResolverRules(normalizer: normalizer))
    }()

    /// The ids of the places `query` resolves to, best first.
    static func ids(_ query: String, _ options: ResolveOptions = ResolveOptions()) throws -> [String] {
        try resolver.resolve(query, options: options).results.map(\.place.id)
    }
}
