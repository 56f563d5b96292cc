import GazetteerFixture
import Resolution

/// A resolver over the shared fixture gazetteer.
enum ResolverTestSupport {
    static let resolver = Resolver(database: FixtureGazetteer.database, normalizer: FixtureGazetteer.normalizer,
                                   rules: try! ResolverRules(normalizer: FixtureGazetteer.normalizer))

    /// The ids of the places `query` resolves to, best first.
    static func ids(_ query: String, _ options: ResolveOptions = ResolveOptions()) throws -> [String] {
        try resolver.resolve(query, options: options).results.map(\.place.id)
    }
}
