import Foundation
@testable import GazetteerStore
import Testing

/// Builds that cannot lose data or leave debris: inputs that give nothing, bytes that would be cut, an
/// output that is an input, killed builds and builds racing each other.
@Suite struct BuildSafetyTests {
    typealias Support = StoreTestSupport

    @Test func anEmptyFileOrOneOfOnlyMalformedRowsFailsTheBuild() throws {
        let folder = Support.scratch()
        let empty = Support.write("# only a comment\n\n", to: "empty.txt", in: folder)
        #expect(throws: ImportError.noRows(file: empty, rows: 0, rejected: 0)) {
            try Support.buildFixture(at: folder.appendingPathComponent("a.sqlite"), extraPlaces: [empty])
        }
        let binary = Support.write("\u{7F}ELF\u{1}\u{2}\n\u{0}\u{0}\tx\n", to: "binary.txt", in: folder)
        #expect(throws: ImportError.noRows(file: binary, rows: 2, rejected: 2)) {
            try Support.buildFixture(at: folder.appendingPathComponent("b.sqlite"), extraPlaces: [binary])
        }
        #expect(ImportError.noRows(file: "f", rows: 2, rejected: 2).description
            == "f: error: no usable row: 2 of 2 rows rejected as malformed; is it the right kind of file?")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["binary.txt", "empty.txt"])
    }

    @Test func aNULInANameOrAWrongColumnCountIsAMalformedRow() throws {
        let folder = Support.scratch()
        let rows = [
            Support.placeRow(id: 1, name: "Go\u{0}ris"),
            Support.placeRow(id: 2, name: "Wide") + "\textra\tcolumns",
            Support.placeRow(id: 3, name: "Fine"),
        ]
        let path = Support.write(rows.joined(separator: "\n") + "\n", to: "nul.txt", in: folder)
        let log = ReportLog()
        let url = folder.appendingPathComponent("db.sqlite")
        let report = try Support.buildFixture(at: url, extraPlaces: [path], reported: log)
        #expect(report.skippedRows[path] == 2)
        #expect(log.errors.map(\.description) == [
            "\(path):1: error: field 'name': contains a NUL byte",
            "\(path):2: error: field 'row': expected 19 tab-separated columns, found 21",
        ])
        #expect(try GazetteerDatabase(path: url.path).place(id: "geonames:1") == nil)

        let names = Support.write("1\t174884\ten\tJermuk\t\t\t\t\t\t\t\t\n", to: "names.txt", in: folder)
        let builder = try StoreBuilder(destination: folder.appendingPathComponent("n.sqlite"), normalizer: Support.normalizer)
        try builder.importPlaces(path: Support.fixture("places.txt"))
        #expect(throws: ImportError.noRows(file: names, rows: 1, rejected: 1)) { try builder.importAlternateNames(path: names) }
    }

    @Test func aBuildRefusesToReadItsOwnDestination() throws {
        let folder = Support.scratch()
        let text = Support.placeRow(id: 1, name: "Kept") + "\n"
        let places = Support.write(text, to: "places.txt", in: folder)
        let link = folder.appendingPathComponent("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: places)
        let builder = try StoreBuilder(destination: link, normalizer: Support.normalizer)
        #expect(throws: StoreError.outputIsInput(path: link.path, input: "\(folder.path)/./places.txt")) {
            try builder.importPlaces(path: "\(folder.path)/./places.txt")
        }
        #expect(throws: StoreError.outputIsInput(path: link.path, input: places)) {
            try StoreBuilder.checkDestination(link, against: ["/nonexistent", places])
        }
        #expect(try String(contentsOfFile: places, encoding: .utf8) == text)
    }

    @Test func aDefaultBuildRefusesAnOutputInItsDataFolder() throws {
        let data = try Self.dataFolder()
        for file in ["build.tsv", "places.txt", "curated/names/test.tsv"] {
            let out = data.appendingPathComponent(file)
            let before = try Data(contentsOf: out)
            #expect(throws: StoreError.self) {
                try DefaultDatabase.build(manifest: try BuildManifest(directory: data), to: out)
            }
            #expect(try Data(contentsOf: out) == before)
        }
    }

    @Test func temporaryFilesOfDeadBuildsAreRemovedAndLiveOnesKept() throws {
        let folder = Support.scratch()
        let url = folder.appendingPathComponent("db.sqlite")
        let dead = Support.write("x", to: ".db.sqlite.999999999.deadbeef.tmp", in: folder)
        let live = Support.write("x", to: ".db.sqlite.\(getpid()).cafebabe.tmp", in: folder)
        let other = Support.write("x", to: ".other.sqlite.999999999.deadbeef.tmp", in: folder)
        try Support.buildFixture(at: url)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: other))
    }

    /// A data folder with a `build.tsv` over the fixtures.
    static func dataFolder() throws -> URL {
        let data = Support.scratch()
        let fixtures = URL(fileURLWithPath: Support.fixture(""))
        for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file),
                                             to: data.appendingPathComponent(file))
        }
        Support.write("""
            countryInfo\tcountryInfo.txt\tgeonames
            admin1\tadmin1.txt\tgeonames
            places\tplaces.txt\tgeonames
            alternateNames\talternateNames.txt\tgeonames
            curated\tcurated\tcurated

            """, to: "build.tsv", in: data)
        return data
    }

    @Test func theDataFingerprintFollowsEveryDataFileButNotes() throws {
        let data = try Self.dataFolder()
        let manifest = try BuildManifest(directory: data)
        let first = manifest.fingerprint()
        #expect(manifest.fingerprint() == first)
        let files = BuildManifest.regularFiles(under: data.path).map(\.path)
        #expect(files.contains("build.tsv") && files.contains { $0.hasPrefix("curated/") })
        Support.write("a note\n", to: "README.md", in: data)
        #expect(manifest.fingerprint() == first)
        // A file in a subfolder, grown by one line: the database built before no longer matches.
        let curated = try #require(files.first { $0.hasPrefix("curated/") })
        let handle = try FileHandle(forWritingTo: data.appendingPathComponent(curated))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        #expect(manifest.fingerprint() != first)
    }

    @Test func processesOpeningTheDefaultDatabaseAtOnceBuildItOnce() throws {
        let data = try Self.dataFolder()
        let manifest = try BuildManifest(directory: data)
        let url = Support.scratch().appendingPathComponent("default.sqlite")
        let builds = BuildCount()
        // Two threads rather than two processes: flock locks exclude each other between open files of one
        // process too, and the test then needs no executable.
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    _ = try DefaultDatabase.open(at: url, manifest: manifest, progress: { stage, _, _ in
                        if stage == "done" { builds.add() }
                    })
                } catch {
                    builds.fail()
                }
            }.start()
        }
        group.wait()
        #expect(builds.count == 1)
        #expect(builds.failures == 0)
    }
}

/// Counts builds finished and openings failed across threads.
private final class BuildCount: @unchecked Sendable {
    private let lock = NSLock()
    private var built = 0
    private var failed = 0

    func add() { lock.withLock { built += 1 } }
    func fail() { lock.withLock { failed += 1 } }
    var count: Int { lock.withLock { built } }
    var failures: Int { lock.withLock { failed } }
}
