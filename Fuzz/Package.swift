// swift-tools-version:5.4
// 5.4, not the main package's 6.1: from 5.5 on, SwiftPM renames an executable's `main` and links `main` to
// the renamed symbol, which a libFuzzer harness (whose `main` libFuzzer supplies) does not have.
import PackageDescription

// libFuzzer harnesses for the gazetteer, in their own package: the one executable has no `main` of its own
// (libFuzzer supplies it when built with `-sanitize=fuzzer`), so it would break a plain `swift build` of the
// main package. Build and run it with `Scripts/fuzz`; `FUZZ_TARGET` picks the harness (see Harness.swift).
let package = Package(
    name: "GazetteerFuzz",
    dependencies: [
        .package(name: "gazetteer", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "GazetteerFuzz",
            dependencies: [
                .product(name: "GazetteerKit", package: "gazetteer"),
                .product(name: "GazetteerService", package: "gazetteer"),
            ]
        ),
    ]
)
