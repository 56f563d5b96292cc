import Benchmark
import BenchmarkInputs
import Foundation
import GazetteerInternals

// Annotation through the library over the default database, one core: 1 MB of news articles (LGL when
// ../shared/eval/dev/lgl.xml is there, else the built-in sample repeated), each article a document, so
// throughput in iterations per second is MB/s and mallocs per iteration are allocations per MB.
// - "first pass": a new annotator per iteration, with every memo (keys, lookups, answers, rows) empty;
// - "repeated": one annotator that has seen the articles before, as in a corpus that repeats its names.

struct Fixture {
    let database: GazetteerDatabase
    let rules: NormalizationRules
    let resolverRules: ResolverRules
    let annotationRules: AnnotationRules
    let articles: [String]

    init() throws {
        database = try DefaultDatabase.open()
        rules = try NormalizationRules()
        let normalizer = NameNormalizer(rules: rules)
        resolverRules = try ResolverRules(normalizer: normalizer)
        annotationRules = try AnnotationRules(database: database, normalizer: normalizer,
                                              dataDirectory: DataDirectory.resolve())
        articles = try BenchmarkInputs.articles().texts
    }

    /// An annotator that remembers nothing yet, its transforms and database connection open.
    func freshAnnotator() throws -> Annotator {
        let normalizer = NameNormalizer(rules: rules)
        for name in ["Jermuk", "Джермук", "Ջերմուկ", "ჯერმუკი"] { _ = normalizer.keys(for: name) }
        let resolver = Resolver(database: database, normalizer: normalizer, rules: resolverRules)
        try resolver.pool.withConnection { _ in }
        return Annotator(resolver: resolver, rules: annotationRules)
    }

    func annotateAll(with annotator: Annotator) throws -> Int {
        var mentions = 0
        for article in articles { try annotator.annotate(article) { _ in mentions += 1 } }
        return mentions
    }
}

let source = (try? BenchmarkInputs.articles().source) ?? "?"
let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]

let benchmarks: @Sendable () -> Void = {
    Benchmark("annotate/1 MB of \(source) news (first pass)",
              configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 5)) { benchmark, fixture in
        let annotator = try fixture.freshAnnotator()
        benchmark.startMeasurement()
        blackHole(try fixture.annotateAll(with: annotator))
        benchmark.stopMeasurement()
    } setup: {
        try Fixture()
    }

    Benchmark("annotate/1 MB of \(source) news (repeated)",
              configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 10)) {
        (benchmark, setup: (fixture: Fixture, annotator: Annotator)) in
        let (fixture, annotator) = setup
        blackHole(try fixture.annotateAll(with: annotator))
    } setup: {
        let fixture = try Fixture()
        let annotator = try fixture.freshAnnotator()
        _ = try fixture.annotateAll(with: annotator)
        return (fixture, annotator)
    }
}
