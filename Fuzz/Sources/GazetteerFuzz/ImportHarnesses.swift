import Foundation
@testable import GazetteerStore

/// Targets for each importer's row parser. The input is written to a file and imported, as the command
/// line imports a file; malformed rows are reported and skipped (not strict), which is the path that must
/// never crash nor fail the whole import.
enum ImportHarnesses {
    static let all = [
        importer("places", preload: [.countryInfo, .admin1]) { try $0.importPlaces(path: $1) },
        importer("alternate-names", preload: [.places]) { try $0.importAlternateNames(path: $1) },
        importer("admin-codes") { builder, path in
            try builder.importAdmin1Codes(path: path)
            try builder.importAdmin2Codes(path: path)
        },
        importer("country-info") { try $0.importCountryInfo(path: $1) },
        importer("curated-places") { try $0.importCuratedPlaces(path: $1, label: "curated") },
        importer("curated-names", preload: [.places, .curatedPlaces]) { try $0.importCuratedNames(path: $1, label: "curated") },
        importer("corrections", preload: [.places, .curatedPlaces]) { try $0.importCorrections(path: $1, label: "curated") },
        importer("lexicon") { try $0.importLexicon(path: $1, label: "common") },
        // The same rows as `places` and `alternate-names` through the parsers alone, with no database write
        // and no reader thread: many times the executions per second on the code that reads the rows.
        rows("places-rows", preload: [.countryInfo, .admin1]) { builder in
            builder.placeParser(label: "geonames")
        },
        rows("alternate-names-rows", preload: [.places]) { builder in
            builder.alternateNameParser(known: builder.geonameIDs)
        },
    ]

    /// Fixture tables of the store tests, loaded before the fuzzed one so that its rows find what they refer to.
    enum Preload {
        case countryInfo, admin1, places, curatedPlaces

        func load(into builder: StoreBuilder) throws {
            let fixtures = Fixtures.folder("GazetteerStoreTests")
            switch self {
            case .countryInfo: try builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
            case .admin1: try builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
            case .places: try builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
            case .curatedPlaces:
                try builder.importCuratedPlaces(path: fixtures.appendingPathComponent("curated/places/test.tsv").path,
                                                label: "curated")
            }
        }
    }

    /// How many inputs one builder takes before a fresh one replaces it: rows pile up in its database, and
    /// a fresh builder keeps each run close to what a reproducer replays.
    static let inputsPerBuilder = 1000

    /// A target that imports each input with `body`, into a builder that has loaded `preload` first.
    static func importer(_ name: String, preload: [Preload] = [],
                         _ body: @escaping @Sendable (StoreBuilder, String) throws -> Void) -> Harness {
        let state = BuilderState()
        let input = Fixtures.scratch.appendingPathComponent("input.tsv")
        return Harness(name) { bytes in
            if state.uses >= inputsPerBuilder { state.builder = nil }  // its deinit removes its file first
            let builder = state.builder ?? Fixtures.orDie {
                let builder = try StoreBuilder(destination: Fixtures.scratch.appendingPathComponent("\(name).sqlite"),
                                               normalizer: Fixtures.normalizer)
                for table in preload { try table.load(into: builder) }
                state.builder = builder
                state.uses = 0
                return builder
            }
            state.uses += 1
            // Not `FileManager.createFile`: it writes atomically, through a synced temporary file, which
            // took most of each input's time.
            do { try Data(bytes).write(to: input) } catch { fatalError("cannot write \(input.path): \(error)") }
            do {
                try body(builder, input.path)
            } catch {
                // An import error (an unreadable file) may stop an import; anything else, such as an SQLite
                // error from a row that passed validation, would reach the user as a raw failure.
                require(error is ImportError, "\(name): a row made the import fail with \(error)")
            }
        }
    }

    typealias RowParser<Record> = (TabularRow) throws(ImportError) -> Record?

    /// A target that reads each input as an importer reads a file, row by row, and hands each row to the
    /// parser `makeParser` gives, as one parser thread of an import would.
    static func rows<Record>(_ name: String, preload: [Preload],
                             _ makeParser: @escaping @Sendable (StoreBuilder) -> RowParser<Record>) -> Harness {
        let state = BuilderState()
        let input = Fixtures.scratch.appendingPathComponent("rows.tsv")
        return Harness(name, prepare: {
            state.builder = Fixtures.orDie {
                let builder = try StoreBuilder(destination: Fixtures.scratch.appendingPathComponent("\(name).sqlite"),
                                               normalizer: Fixtures.normalizer)
                for table in preload { try table.load(into: builder) }
                return builder
            }
        }) { bytes in
            guard let builder = state.builder else { return }
            do { try Data(bytes).write(to: input) } catch { fatalError("cannot write \(input.path): \(error)") }
            let parse = makeParser(builder)
            do {
                let reader = try LineReader(path: input.path)
                while let line = try reader.next() {
                    let row = TabularRow(line, file: input.path, line: reader.lineNumber)
                    if row.isCommentOrBlank { continue }
                    do { _ = try parse(row) } catch {}  // a malformed row is reported and skipped
                }
            } catch {
                fatalError("\(name): reading the input failed with \(error)")
            }
        }
    }

    /// The builder a target reuses between inputs. Unchecked: one process runs one target, and libFuzzer
    /// calls it from one thread.
    final class BuilderState: @unchecked Sendable {
        var builder: StoreBuilder?
        var uses = 0
    }
}
