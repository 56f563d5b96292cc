// swift-tools-version:6.1
import PackageDescription

// A package that uses gazetteer as a library, as another project would: it depends on the checkout by
// path and imports only GazetteerKit. Its program is the README's library example; Scripts/check-consumer
// builds and runs it.
let package = Package(
    name: "Consumer",
    dependencies: [
        .package(name: "gazetteer", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [.product(name: "GazetteerKit", package: "gazetteer")]
        ),
    ]
)
