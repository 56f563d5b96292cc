import Foundation
import GRDB
import GazetteerStore
import Normalization

/// Fixtures, scratch folders and a shared normalizer for the store tests.
enum StoreTestSupport {
    static let normalizer = try! NameNormalizer()

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
    }

    /// A fresh scratch folder.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a file in `folder`.
    @discardableResult
    static func write(_ text: String, to name: String, in folder: URL) -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Builds a database from the fixture files; returns its path and the skipped-row counts.
    @discardableResult
    static func buildFixture(at url: URL, extraPlaces: [String] = [], whosOnFirst: URL? = nil,
                             lexicons: [(path: String, category: String)] = [], strict: Bool = false,
                             reported: ReportLog = ReportLog()) throws -> StoreBuilder.Report {
        let builder = try StoreBuilder(destination: url, normalizer: normalizer,
                                       diagnostics: ImportDiagnostics(strict: strict, report: reported.append))
        builder.sourceRoot = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
        try builder.importCountryInfo(path: fixture("countryInfo.txt"))
        try builder.importAdmin1Codes(path: fixture("admin1.txt"))
        try builder.importPlaces(path: fixture("places.txt"))
        for path in extraPlaces { try builder.importPlaces(path: path) }
        try builder.importAlternateNames(path: fixture("alternateNames.txt"))
        try builder.importCurated(directory: URL(fileURLWithPath: fixture("curated")))
        if let whosOnFirst { try builder.importWhosOnFirst(directory: whosOnFirst) }
        for lexicon in lexicons { try builder.importLexicon(path: lexicon.path, label: lexicon.category) }
        return try builder.finish()
    }

    /// Compresses `path` with gzip into `path.gz`, keeping it; returns the compressed bytes.
    static func gzip(_ path: String) throws -> Data {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", path]
        try gzip.run()
        gzip.waitUntilExit()
        return try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
    }

    /// A valid 19-column GeoNames row.
    /// Every stored name of a database with its place, in the order of places and their names.
    static func storedNames(_ db: Database) throws -> [(pid: Int64, record: StoredNames.Record)] {
        try Row.fetchAll(db, sql: "SELECT pid, names FROM place_name ORDER BY pid").flatMap { row in
            let pid: Int64 = row[0]
            let blob: Data = row[1]
            return blob.withUnsafeBytes { StoredNames.records(in: $0) }.map { (pid, $0) }
        }
    }

    static func placeRow(id: Int, name: String, lat: String = "40.0", lon: String = "45.0",
                         population: String = "100") -> String {
        "\(id)\t\(name)\t\(name)\t\t\(lat)\t\(lon)\tP\tPPL\tAM\t\t10\t\t\t\t\(population)\t\t\tAsia/Yerevan\t2020-01-01"
    }
}

/// Collects reported problems (tests run in parallel, so each gets its own).
final class ReportLog: @unchecked Sendable {
    private(set) var errors: [ImportError] = []
    func append(_ error: ImportError) { errors.append(error) }
}
