import Benchmark
import BenchmarkInputs
import Foundation
import GazetteerInternals

// Building stores, one run at a time (each takes seconds): the default database from Gazetteer/ (what
// `gazetteer build` and the first use do), and the GeoNames importer on a synthetic dump written by
// Scripts/synthetic-geonames (what `gazetteer import geonames` does, without the lexicons). Rows per second
// counts place rows and alternate-name rows, through to the finished, indexed database.

let places = 100_000
let alternateNames = 125_000
let rowsPerSecond = BenchmarkMetric.custom("rows/s", polarity: .prefersLarger, useScalingFactor: false)

/// Where the dump and the databases go; made anew before each benchmark and removed after it.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-store-benchmarks")
func makeScratch() throws {
    removeScratch()
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
}

func removeScratch() {
    try? FileManager.default.removeItem(at: scratch)
}

func writeSyntheticGeoNames() throws {
    try makeScratch()
    let generator = Process()
    generator.executableURL = BenchmarkInputs.root.appendingPathComponent("Scripts/synthetic-geonames")
    generator.arguments = ["--places", "\(places)", "--alternate-names", "\(alternateNames)", "--out", scratch.path]
    try generator.run()
    generator.waitUntilExit()
    guard generator.terminationStatus == 0 else { fatalError("Scripts/synthetic-geonames failed") }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark("build/default database",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0,
                                   maxDuration: .seconds(60), maxIterations: 2),
              closure: { _ in
        let manifest = try BuildManifest(directory: DataDirectory.resolve())
        blackHole(try DefaultDatabase.build(manifest: manifest, to: scratch.appendingPathComponent("default.sqlite")))
    }, setup: makeScratch, teardown: removeScratch)

    Benchmark("import/GeoNames \(places / 1000)k places + \(alternateNames / 1000)k alternate names",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, rowsPerSecond], warmupIterations: 0,
                                   maxDuration: .seconds(30), maxIterations: 3),
              closure: { benchmark in
        let start = ContinuousClock.now
        let builder = try StoreBuilder(destination: scratch.appendingPathComponent("import.sqlite"),
                                       normalizer: try NameNormalizer())
        try builder.importPlaces(path: scratch.appendingPathComponent("allCountries.txt").path)
        try builder.importAlternateNames(path: scratch.appendingPathComponent("alternateNamesV2.txt").path)
        blackHole(try builder.finish())
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        benchmark.measurement(rowsPerSecond, Int(Double(places + alternateNames) / seconds))
    }, setup: writeSyntheticGeoNames, teardown: removeScratch)
}
