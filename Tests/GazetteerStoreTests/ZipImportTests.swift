import Foundation
import GRDB
import GazetteerStore
import Testing

/// GeoNames publishes its dumps as zip archives; these are made by Python's `zipfile`, as a real zip
/// writer would make them, and read without unpacking.
@Suite struct ZipImportTests {
    typealias Support = StoreTestSupport

    /// Runs Python's zipfile to pack `members` (name → file path) into `archive`.
    static func zip(_ archive: URL, _ members: [(String, String)], method: String = "ZIP_DEFLATED",
                    zip64: Bool = false) throws {
        let script = """
            import sys, zipfile
            archive, method, zip64, *members = sys.argv[1:]
            with zipfile.ZipFile(archive, "w", getattr(zipfile, method)) as out:
                for name, path in zip(members[::2], members[1::2]):
                    with open(path, "rb") as source, out.open(name, "w", force_zip64=zip64 == "1") as entry:
                        entry.write(source.read())
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, archive.path, method, zip64 ? "1" : "0"]
            + members.flatMap { [$0.0, $0.1] }
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
    }

    static func places(_ count: Int, in folder: URL) -> String {
        Support.write((1...count).map { Support.placeRow(id: 10_000 + $0, name: "Place \($0)") }.joined(separator: "\n"),
                      to: "many.txt", in: folder)
    }

    static func names(_ url: URL) throws -> [String] {
        try DatabaseQueue(path: url.path).read { db in
            try Support.storedNames(db).map { "\($0.pid) \($0.record.name)" }.sorted()
        }
    }

    @Test(arguments: [("ZIP_DEFLATED", false), ("ZIP_STORED", false), ("ZIP_DEFLATED", true)])
    func aZippedTableImportsAsThePlainOne(method: String, zip64: Bool) throws {
        let folder = Support.scratch()
        let table = Self.places(2000, in: folder)
        let readme = Support.write("GeoNames readme\n", to: "readme.txt", in: folder)
        let archive = folder.appendingPathComponent("allCountries.zip")
        // GeoNames' archives put the table beside a readme; the table is the entry named like the archive.
        try Self.zip(archive, [("readme.txt", readme), ("allCountries.txt", table)], method: method, zip64: zip64)
        let plain = folder.appendingPathComponent("plain.sqlite")
        let zipped = folder.appendingPathComponent("zipped.sqlite")
        #expect(try Support.buildFixture(at: plain, extraPlaces: [table]).places == 2008)
        #expect(try Support.buildFixture(at: zipped, extraPlaces: [archive.path]).places == 2008)
        #expect(try Self.names(plain) == Self.names(zipped))
        // The recorded checksum is the table's own, as `zlib.crc32` gives it for the unpacked file.
        let crc = try DatabaseQueue(path: zipped.path).read { db in
            try String.fetchOne(db, sql: "SELECT crc32 FROM source WHERE name = ?", arguments: [archive.path])
        }
        let plainCRC = try DatabaseQueue(path: plain.path).read { db in
            try String.fetchOne(db, sql: "SELECT crc32 FROM source WHERE name = ?", arguments: [table])
        }
        #expect(crc != nil && crc == plainCRC)
    }

    @Test func alternateNamesAreReadFromTheirArchive() throws {
        let folder = Support.scratch()
        let names = Support.write(try String(contentsOfFile: Support.fixture("alternateNames.txt"), encoding: .utf8),
                                  to: "alternateNamesV2.txt", in: folder)
        let codes = Support.write("ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\nhye\tarm / hye*\thy\tArmenian\n",
                                  to: "iso-languagecodes.txt", in: folder)
        let archive = folder.appendingPathComponent("alternateNamesV2.zip")
        try Self.zip(archive, [("iso-languagecodes.txt", codes), ("alternateNamesV2.txt", names)])
        let builder = try StoreBuilder(destination: folder.appendingPathComponent("db.sqlite"),
                                       normalizer: Support.normalizer)
        try builder.importPlaces(path: Support.fixture("places.txt"))
        let plain = try builder.importAlternateNames(path: names)
        let zipped = try builder.importAlternateNames(path: archive.path)
        #expect(plain > 0 && zipped == plain)
    }

    /// A bad archive is named with a reason, and leaves no database behind.
    @Test func badArchivesFailWithAReason() throws {
        let folder = Support.scratch()
        let table = Self.places(2000, in: folder)
        let good = folder.appendingPathComponent("allCountries.zip")
        try Self.zip(good, [("allCountries.txt", table)])
        let bytes = try Data(contentsOf: good)
        let notZip = Support.write("geonameid\tname\n", to: "notazip.zip", in: folder)
        let truncated = folder.appendingPathComponent("truncated.zip")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        // A flipped byte in the middle of the compressed data: a deflate error or a wrong CRC-32.
        var damagedBytes = bytes
        damagedBytes[bytes.count / 2] ^= 0x55
        let damaged = folder.appendingPathComponent("damaged.zip")
        try damagedBytes.write(to: damaged)
        let ambiguous = folder.appendingPathComponent("dump.zip")
        try Self.zip(ambiguous, [("a.txt", table), ("b.txt", table)])
        let bzip = folder.appendingPathComponent("cities500.zip")
        try Self.zip(bzip, [("cities500.txt", table)], method: "ZIP_BZIP2")
        let expected: [(String, String)] = [
            (notZip, "no end-of-central-directory record"), (truncated.path, "zip archive"),
            (damaged.path, "allCountries.txt"), (ambiguous.path, "none is dump.txt"),
            (bzip.path, "compression method 12"),
        ]
        for (path, reason) in expected {
            let url = folder.appendingPathComponent("out.sqlite")
            #expect {
                try Support.buildFixture(at: url, extraPlaces: [path])
            } throws: { error in
                guard case .corrupt(let file, let said) = error as? ImportError else { return false }
                return file == path && said.contains(reason)
            }
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }
}
