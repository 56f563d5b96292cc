// swift-tools-version:6.1
import PackageDescription

// The data flows one way, and the targets follow it:
//   text → Tokenization → Normalization (keys) → GazetteerStore (candidates) → Resolution (ranked places)
//   → Annotation (places in running text) → Rendering (output formats) → the `gazetteer` command.
// SystemICU wraps the system ICU (CICU) for every layer that needs Unicode beyond the standard library.
let package = Package(
    name: "gazetteer",
    products: [
        .library(name: "GazetteerKit", targets: ["GazetteerKit"]),
        .executable(name: "gazetteer", targets: ["GazetteerCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SystemICU", dependencies: ["CICU"]),
        .target(name: "Normalization", dependencies: ["SystemICU"]),
        .target(
            name: "GazetteerStore",
            dependencies: [
                "Normalization", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Tokenization", dependencies: ["SystemICU"]),
        .target(name: "Resolution", dependencies: ["SystemICU", "Normalization", "GazetteerStore"]),
        .target(name: "Annotation", dependencies: ["SystemICU", "Tokenization", "Normalization", "GazetteerStore", "Resolution"]),
        .target(name: "Rendering", dependencies: ["Normalization", "GazetteerStore", "Resolution", "Annotation"]),
        .target(
            name: "GazetteerKit",
            dependencies: ["SystemICU", "Tokenization", "Normalization", "GazetteerStore", "Resolution", "Annotation",
                           "Rendering"]
        ),
        .executableTarget(
            name: "GazetteerCLI",
            dependencies: [
                "GazetteerKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SystemICUTests", dependencies: ["SystemICU"]),
        .testTarget(
            name: "TokenizationTests",
            dependencies: ["Tokenization", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GazetteerStoreTests", dependencies: ["GazetteerStore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AnnotationTests",
            dependencies: ["Annotation", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Annotation", "Resolution", "GazetteerStore", "Normalization"]),
        // Runs the built `gazetteer` executable; depending on it makes `swift test` build it first.
        .testTarget(name: "GazetteerCLITests", dependencies: ["GazetteerCLI"]),
        .testTarget(
            name: "NormalizationTests",
            dependencies: ["Normalization", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
