// swift-tools-version:6.1
import PackageDescription

// The benchmark suite lives in its own package so that its dependencies (package-benchmark and the malloc
// interposer) never slow the main build or the tests. Run it with `Scripts/bench` or
// `swift package --package-path Benchmarks benchmark`.
let package = Package(
    name: "GazetteerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "gazetteer", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KeyBenchmarks",
            dependencies: [
                .product(name: "GazetteerKit", package: "gazetteer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/KeyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
