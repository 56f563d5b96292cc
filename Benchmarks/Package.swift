// swift-tools-version:6.1
import PackageDescription

// The benchmark suite lives in its own package so that its dependencies (package-benchmark and the malloc
// interposer) never slow the main build or the tests. Run it with `Scripts/bench` (which adds whole-process
// figures and the peers) or `swift package --package-path Benchmarks benchmark`.
let package = Package(
    name: "GazetteerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "gazetteer", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Locates the inputs: the checkout, Benchmarks/Inputs/, the LGL articles, the synthetic GeoNames generator.
        .target(
            name: "BenchmarkInputs",
            dependencies: [.product(name: "GazetteerKit", package: "gazetteer")],
            path: "Support"
        ),
        // Median latency of resolving each name of a file once, for the growth curve (Scripts/growth-curve).
        .executableTarget(
            name: "resolve-latency",
            dependencies: [.product(name: "GazetteerKit", package: "gazetteer")],
            path: "Tools/ResolveLatency"
        ),
    ] + ["KeyBenchmarks", "ResolutionBenchmarks", "AnnotationBenchmarks", "StoreBenchmarks"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "BenchmarkInputs",
                .product(name: "GazetteerKit", package: "gazetteer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
