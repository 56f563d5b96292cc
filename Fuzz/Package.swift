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
            ],
            // libFuzzer's coverage here and on the project's modules (GAZETTEER_FUZZ_COVERAGE in the main
            // manifest), none on the dependencies; its runtime, which supplies `main`, at the link. Spelled out:
            // swiftc keeps only the last `-sanitize=`, and Scripts/fuzz gives every module `-sanitize=address`.
            swiftSettings: [.unsafeFlags([
                "-sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table", "-parse-as-library",
            ])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
