import Benchmark
import BenchmarkInputs
import Foundation
import GazetteerInternals

// Resolution through the library over the default database, one core, with the queries of
// Inputs/queries.tsv by the match type the resolver gives them (exact, alias, transliteration, fuzzy).
// - "computed": each query goes to a new Resolver (sharing the database and the rules, its connection already
//   open) whose normalizer remembers nothing, so no memo of answers, keys or rows helps: a name seen for the
//   first time.
// - "memoised": one resolver asked the same names again, as a stream of names or an article repeats them.
// Also the cost of opening the database, and of everything a fresh `gazetteer resolve` does in process.

struct Fixture {
    let database: GazetteerDatabase
    let normalizer: NameNormalizer
    let rules: ResolverRules

    init() throws {
        database = try DefaultDatabase.open()
        normalizer = NameNormalizer(rules: try NormalizationRules(), memoCapacity: 0)
        rules = try ResolverRules(normalizer: normalizer)
    }

    /// A resolver with nothing remembered about the queries, its database connection open and warmed by
    /// another query (a stream's connection has its upper index pages in cache).
    func freshResolver() throws -> Resolver {
        let resolver = Resolver(database: database, normalizer: normalizer, rules: rules)
        _ = try resolver.resolve("London")
        return resolver
    }

    /// The queries of `kind`, after checking that the resolver still matches each of them that way.
    func queries(_ kind: String) throws -> [String] {
        let queries = try BenchmarkInputs.queries(kind)
        for query in queries {
            let type = try freshResolver().resolve(query).results.first?.match.type.label
            guard type == kind else {
                fatalError("Inputs/queries.tsv: '\(query)' is listed as \(kind) but now resolves as \(type ?? "nothing")")
            }
        }
        return queries
    }
}

let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

let benchmarks: @Sendable () -> Void = {
    for kind in ["exact", "alias", "transliteration", "fuzzy"] {
        Benchmark("resolve/\(kind) (computed)", configuration: .init(metrics: metrics, maxDuration: .seconds(2))) {
            (benchmark, setup: (fixture: Fixture, queries: [String])) in
            let (fixture, queries) = setup
            let resolver = try fixture.freshResolver()
            let query = queries[benchmark.currentIteration % queries.count]
            benchmark.startMeasurement()
            blackHole(try resolver.resolve(query))
            benchmark.stopMeasurement()
        } setup: {
            let fixture = try Fixture()
            return (fixture, try fixture.queries(kind))
        }

        Benchmark("resolve/\(kind) (memoised)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) {
            (benchmark, setup: (resolver: Resolver, queries: [String])) in
            let (resolver, queries) = setup
            for index in benchmark.scaledIterations {
                blackHole(try resolver.resolve(queries[index % queries.count]))
            }
        } setup: {
            let resolver = try Resolver(database: try DefaultDatabase.open())
            return (resolver, try Fixture().queries(kind))
        }
    }

    // Both open the file DefaultDatabase.open() has built (or found up to date) in setup.
    let buildIfNeeded = { _ = try DefaultDatabase.open() }
    Benchmark("open/database", configuration: .init(metrics: metrics), closure: { _ in
        blackHole(try GazetteerDatabase(path: DefaultDatabase.location.path))
    }, setup: buildIfNeeded)

    Benchmark("open/rules + database + resolve Cermuk (in a warm process)", configuration: .init(metrics: metrics),
              closure: { _ in
        let resolver = try Resolver(database: try GazetteerDatabase(path: DefaultDatabase.location.path))
        blackHole(try resolver.resolve("Cermuk"))
    }, setup: buildIfNeeded)
}
