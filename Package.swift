// swift-tools-version:6.1
import PackageDescription

/// libFuzzer's coverage instrumentation on the project's own Swift modules, only when `Scripts/fuzz` builds the
/// harnesses (it sets GAZETTEER_FUZZ_COVERAGE, and `-sanitize=address` on every module). The dependencies (NIO,
/// Hummingbird, GRDB …) stay uninstrumented: libFuzzer walks every instrumented module's counters after each
/// input, and theirs made up to a quarter of each execution without being code under test. These are the
/// kinds `-sanitize=fuzzer` implies, spelled out because swiftc keeps only the last `-sanitize=` it is given.
let fuzzCoverage: [SwiftSetting] = Context.environment["GAZETTEER_FUZZ_COVERAGE"] == nil ? [] : [
    .unsafeFlags(["-sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table"]),
]

// The data flows one way, and the targets follow it:
//   text → Tokenization → Normalization (keys) → GazetteerStore (candidates) → Resolution (ranked places)
//   → Annotation (places in running text) → Rendering (output formats) → the `gazetteer` command.
// SystemICU wraps the system ICU (CICU) for every layer that needs Unicode beyond the standard library.
let package = Package(
    name: "gazetteer",
    products: [
        .library(name: "GazetteerKit", targets: ["GazetteerKit"]),
        // The service as a library: for embedding its router, and for Fuzz/'s request-decoding target.
        .library(name: "GazetteerService", targets: ["GazetteerService"]),
        .executable(name: "gazetteer", targets: ["GazetteerCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `swift package generate-documentation --target GazetteerKit` (Scripts/check-docs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SystemICU", dependencies: ["CICU"], swiftSettings: fuzzCoverage),
        .target(name: "Normalization", dependencies: ["SystemICU"], swiftSettings: fuzzCoverage),
        // A SQLite VFS in which the read-only connections of a process share one memory map of a database.
        .target(name: "SQLiteSharedMap", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "GazetteerStore",
            dependencies: [
                "Normalization", "CZlib", "SQLiteSharedMap",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: fuzzCoverage
        ),
        .target(name: "Tokenization", dependencies: ["SystemICU"], swiftSettings: fuzzCoverage),
        .target(name: "Resolution", dependencies: ["SystemICU", "Normalization", "GazetteerStore"], swiftSettings: fuzzCoverage),
        .target(
            name: "Annotation", dependencies: ["SystemICU", "Tokenization", "Normalization", "GazetteerStore", "Resolution"],
            swiftSettings: fuzzCoverage
        ),
        .target(
            name: "Rendering", dependencies: ["Normalization", "GazetteerStore", "Resolution", "Annotation"],
            swiftSettings: fuzzCoverage
        ),
        // Every module above at once, for the command line, the service, fuzzing and benchmarks: not API.
        .target(
            name: "GazetteerInternals",
            dependencies: ["SystemICU", "Tokenization", "Normalization", "GazetteerStore", "Resolution", "Annotation",
                           "Rendering"],
            swiftSettings: fuzzCoverage
        ),
        // The library's deliberate surface: a facade over value types of its own (docs in GazetteerKit.docc).
        .target(name: "GazetteerKit", dependencies: ["GazetteerInternals"], swiftSettings: fuzzCoverage),
        // The HTTP service: routes over the same library and output schema as the command line.
        .target(
            name: "GazetteerService",
            dependencies: [
                "GazetteerInternals",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: fuzzCoverage
        ),
        .executableTarget(
            name: "GazetteerCLI",
            dependencies: [
                "GazetteerInternals", "GazetteerService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SystemICUTests", dependencies: ["SystemICU"]),
        .testTarget(
            name: "TokenizationTests",
            dependencies: ["Tokenization", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GazetteerStoreTests", dependencies: ["GazetteerStore"], resources: [.copy("Fixtures")]),
        // The fixture gazetteer the resolver, service and command tests share (a target of its own, not a test
        // target, so that test targets can depend on it).
        .target(
            name: "GazetteerFixture", dependencies: ["GazetteerStore", "Normalization"], path: "Tests/GazetteerFixture",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "GazetteerFixture"]),
        .testTarget(
            name: "AnnotationTests",
            dependencies: ["Annotation", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GazetteerKitTests", dependencies: ["GazetteerKit", "GazetteerFixture"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Annotation", "Resolution", "GazetteerStore", "Normalization"]),
        // Runs the built `gazetteer` executable; depending on it makes `swift test` build it first.
        .testTarget(name: "GazetteerCLITests", dependencies: ["GazetteerCLI", "GazetteerFixture"]),
        .testTarget(
            name: "GazetteerServiceTests",
            dependencies: ["GazetteerService", "GazetteerFixture", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "NormalizationTests",
            dependencies: ["Normalization", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
