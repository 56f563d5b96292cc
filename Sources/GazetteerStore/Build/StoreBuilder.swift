import Foundation
import GRDB
import Normalization

/// Builds a gazetteer database from GeoNames tables, the curated overlay and Who's On First records.
///
/// Everything is written to a temporary file beside the destination, which replaces the destination by an
/// atomic rename only when the build is complete: a reader never sees half a database, and a reader that
/// has the old file open keeps reading it. The same inputs always give the same content.
///
/// ```swift
/// let builder = try StoreBuilder(destination: url, normalizer: try NameNormalizer())
/// try builder.importCountryInfo(path: "countryInfo.txt")
/// try builder.importAdmin1Codes(path: "admin1CodesASCII.txt")
/// try builder.importPlaces(path: "AM.txt", label: "geonames")
/// try builder.importAlternateNames(path: "alternateNamesV2.txt", label: "geonames")
/// let report = try builder.finish()
/// ```
public final class StoreBuilder {
    /// What a finished build loaded.
    public struct Report: Sendable {
        public var path: String
        public var places: Int
        public var names: Int
        /// Malformed rows skipped, per file.
        package var skippedRows: [String: Int]
        public var seconds: Double
    }

    /// Progress callbacks: a stage name, the fraction done (nil when unknown) and, for a stage that reads
    /// a file, the rows read so far (for a rate).
    public typealias Progress = (_ stage: String, _ fraction: Double?, _ rows: Int?) -> Void

    let destination: URL
    let temporary: URL
    /// The file at the destination when the build started: no input may be it.
    private let destinationFile: FileIdentity?
    private var temporarySlot: Int?
    let queue: DatabaseQueue
    let normalizer: NameNormalizer
    package let diagnostics: ImportDiagnostics
    let progress: Progress
    let started = Date()

    var admin1Names: [String: String] = [:]
    var admin2Names: [String: String] = [:]
    var countryRows: [CountryRow] = []
    var geonameIDs = Bitset()
    var nameSequences = NameSequences()
    var curatedPIDs: [String: Int64] = [:]
    var nextCuratedPID: Int64 = 1 << 40
    /// Who's On First ids (`wof:<id>`) and the places their records joined or became.
    var wofPIDs: [String: Int64] = [:]
    var metadata: [String: String] = [:]
    /// The number of each input label in the `label` table, as names store it.
    private var labelCodes: [String: Int64] = [:]
    /// The inserts every import uses, prepared once on the builder's connection.
    private var insertPlaceStatement: Statement?
    private var insertNameStatement: Statement?
    /// Input paths are recorded relative to this folder, so that builds from two copies of the same data
    /// have the same content.
    package var sourceRoot: URL?

    struct CountryRow {
        var code, iso3, name, capital, continent, languages, neighbours: String
        var population: Int
        var geonameID: Int
    }

    /// Starts a build that will replace `destination` when ``finish()`` succeeds.
    /// - Parameters:
    ///   - normalizer: computes every name's keys.
    ///   - diagnostics: where malformed rows are reported, and whether they fail the build.
    public init(destination: URL, normalizer: NameNormalizer, diagnostics: ImportDiagnostics = ImportDiagnostics(),
                progress: @escaping Progress = { _, _, _ in }) throws {
        self.destination = destination
        self.normalizer = normalizer
        self.diagnostics = diagnostics
        self.progress = progress
        destinationFile = FileIdentity(path: destination.path)
        try Self.prepareDestination(destination)
        let folder = destination.deletingLastPathComponent()
        Self.removeStaleTemporaries(beside: destination)
        temporary = folder.appendingPathComponent(
            "\(Self.temporaryPrefix(destination))\(getpid()).\(UUID().uuidString.prefix(8)).tmp")
        temporarySlot = TemporaryFiles.register(temporary.path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        do {
            queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
        } catch {
            TemporaryFiles.unregister(temporarySlot)
            throw StoreError.buildFailed(path: destination.path, reason: "cannot create a file in \(folder.path): "
                                         + ((error as? DatabaseError)?.message ?? "\(error)"))
        }
        try queue.writeWithoutTransaction { db in
            // The file is private until renamed, so it needs no journal: a crash leaves only a temporary file.
            // No other connection may open it meanwhile: an exclusive lock, taken once, spares the lock calls
            // of every transaction.
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            // Index creation sorts with helper threads; statistics from a sample are as good as from all rows.
            try db.execute(sql: "PRAGMA threads = 2; PRAGMA analysis_limit = 2000")
            try db.execute(sql: Schema.tables)
            // The names' load table is in the temporary database: dropped when copied into `name`, it leaves
            // no free pages in the file.
            try db.execute(sql: "PRAGMA temp.cache_size = -131072; PRAGMA temp.journal_mode = OFF")
            try db.execute(sql: Schema.loadTables)
            // The system's SQLite is built to zero every freed page (SECURE_DELETE): the load table's gigabytes,
            // dropped at the end, would be written once more. Set after the temporary database exists, so that
            // it covers both.
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            for (code, kind) in NameKind.allCases.enumerated() {
                try db.execute(sql: "INSERT INTO name_kind (code, name) VALUES (?, ?)", arguments: [code, kind.rawValue])
            }
        }
    }

    deinit {
        try? queue.close()
        try? FileManager.default.removeItem(at: temporary)
        TemporaryFiles.unregister(temporarySlot)
    }

    /// The start of the names of a build's temporary files beside `destination`: `.NAME.`, then the
    /// builder's process id, a random part and `.tmp`.
    private static func temporaryPrefix(_ destination: URL) -> String { ".\(destination.lastPathComponent)." }

    /// Removes the temporary files beside `destination` that builds of processes no longer running left
    /// behind (a `kill -9`, a power cut). Files of running processes, this one included, are theirs.
    static func removeStaleTemporaries(beside destination: URL) {
        let folder = destination.deletingLastPathComponent()
        let prefix = temporaryPrefix(destination)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for file in files where file.hasPrefix(prefix) && file.hasSuffix(".tmp") {
            let parts = file.dropFirst(prefix.count).split(separator: ".")
            guard parts.count == 3, let pid = pid_t(parts[0]), pid > 0 else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
            }
        }
    }

    /// Opens an input file of the build.
    /// - Throws: ``StoreError/outputIsInput(path:input:)`` when it is the destination, whose rename would
    ///   destroy it; ``ImportError/unreadable(file:reason:)``.
    func openInput(_ path: String) throws -> LineReader {
        if let destinationFile, FileIdentity(path: path) == destinationFile {
            throw StoreError.outputIsInput(path: destination.path, input: path)
        }
        return try LineReader(path: path)
    }

    /// Records a key and value in the database's metadata table.
    package func setMetadata(_ key: String, _ value: String) {
        metadata[key] = value
    }

    // MARK: Rows

    /// The internal row id for a public place id, when the place is loaded.
    func pid(for id: String) -> Int64? {
        if id.hasPrefix("geonames:"), let number = Int(id.dropFirst(9)), geonameIDs.contains(number) {
            return Int64(number)
        }
        return curatedPIDs[id] ?? wofPIDs[id]
    }

    /// The names of a place's divisions, from the admin code tables loaded so far.
    func divisionNames(_ place: Place) -> (String?, String?) {
        (place.admin1Name ?? admin1Names["\(place.country).\(place.admin1)"],
         place.admin2Name ?? admin2Names["\(place.country).\(place.admin1).\(place.admin2)"])
    }

    func insertPlace(_ place: Place, pid: Int64, in db: Database) throws {
        if insertPlaceStatement == nil {
            insertPlaceStatement = try db.makeStatement(sql: """
                INSERT INTO place (pid, id, name, feature_class, feature_code, country, admin1, admin2, admin1_name,
                                   admin2_name, latitude, longitude, population, timezone, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }
        let statement = insertPlaceStatement!
        let (admin1Name, admin2Name) = place.admin1Name == nil ? divisionNames(place) : (place.admin1Name, place.admin2Name)
        statement.bind(1, pid)
        // A GeoNames place's public id is its geonameid, which is its pid (PlaceID): not stored twice.
        statement.bind(2, PlaceID.isDerived(place.id, pid: pid) ? nil : place.id)
        statement.bind(3, place.name)
        statement.bind(4, place.featureClass)
        statement.bind(5, place.featureCode)
        statement.bind(6, place.country)
        statement.bind(7, place.admin1)
        statement.bind(8, place.admin2)
        statement.bind(9, admin1Name)
        statement.bind(10, admin2Name)
        statement.bind(11, StoredCoordinate.stored(place.latitude))
        statement.bind(12, StoredCoordinate.stored(place.longitude))
        statement.bind(13, Int64(place.population))
        statement.bind(14, place.timezone)
        statement.bind(15, try labelCode(place.source, in: db))
        try statement.run(in: db)
    }

    /// A name ready to insert: its keys computed (on the reader thread, in a pipelined import).
    struct KeyedName: Sendable {
        var keys: NameKeys
        var language: String
        var kind: NameKind
    }

    /// The keys of a name, with its language as a hint for the script's romanization.
    func keyedName(_ name: String, language: String, kind: NameKind) -> KeyedName {
        KeyedName(keys: normalizer.keys(for: name, language: language.isEmpty || language == "abbr" ? nil : language),
                  language: language, kind: kind)
    }

    /// Inserts a name with its keys.
    @discardableResult
    func insertName(pid: Int64, name: String, language: String, kind: NameKind, source: String,
                    citation: String? = nil, in db: Database) throws -> Bool {
        try insertName(pid: pid, keyedName(name, language: language, kind: kind), source: source, citation: citation,
                       in: db)
    }

    /// Inserts a name whose keys are already computed.
    @discardableResult
    func insertName(pid: Int64, _ name: KeyedName, source: String, citation: String? = nil,
                    in db: Database) throws -> Bool {
        let keys = name.keys
        let language = name.language
        let kind = name.kind
        guard !keys.searchKey.isEmpty else { return false }
        if insertNameStatement == nil {
            insertNameStatement = try db.makeStatement(sql: """
                INSERT INTO name_load (pid, seq, name, language, kind, source, citation, search_key, match_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }
        guard let seq = nameSequences.next(for: pid) else {
            throw StoreError.buildFailed(path: destination.path, reason:
                "place \(pid) has more than \(NameSequences.maximumPerPlace) names")
        }
        let statement = insertNameStatement!
        statement.bind(1, pid)
        statement.bind(2, Int64(seq))
        statement.bind(3, keys.display)
        statement.bind(4, language)
        statement.bind(5, Int64(KeyEntry.code(of: kind)))
        statement.bind(6, try labelCode(source, in: db))
        statement.bind(7, citation)
        statement.bind(8, StoredSearchKey.stored(keys.searchKey, name: keys.display))
        statement.bind(9, keys.matchKey)
        return try statement.run(in: db) > 0
    }

    /// The number of an input label (`geonames`, `curated` …) in the `label` table, added when new.
    func labelCode(_ label: String, in db: Database) throws -> Int64 {
        if let code = labelCodes[label] { return code }
        let code = Int64(labelCodes.count)
        try db.execute(sql: "INSERT INTO label (code, name) VALUES (?, ?)", arguments: [code, label])
        labelCodes[label] = code
        return code
    }

    func recordSource(_ reader: LineReader, kind: String, label: String, rows: Int, date: String?,
                      in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO source (name, kind, label, date, crc32, rows, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [relativePath(reader.path), kind, label, date, reader.crc32, rows,
                             diagnostics.skippedRows[reader.path] ?? 0])
    }

    func relativePath(_ path: String) -> String {
        guard let root = sourceRoot?.standardizedFileURL.path else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
    }

    /// Reads a file on other threads with `parse` (``ImportPipeline``), and inserts each record with `insert`
    /// on this one, in file order; malformed rows, and records `insert` rejects with an ``ImportError``, are
    /// reported and skipped.
    func pipelinedRows<Record: Sendable>(of reader: LineReader, stage: String,
                                         parse: @escaping @Sendable (TabularRow) throws(ImportError) -> Record?,
                                         insert: (Record) throws -> Void) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: reader.path)[.size] as? Int) ?? 0
        var lastReport = 0
        var rejected = 0
        let rows = try ImportPipeline.run(reader: reader, parse: parse) { item, bytesRead, rowsRead in
            do {
                switch item {
                case let .record(record): try insert(record)
                case let .rowError(error): throw error
                }
            } catch let error as ImportError {
                rejected += 1
                try diagnostics.skip(error)
            }
            if size > 0, bytesRead - lastReport > 1 << 20 {
                lastReport = bytesRead
                progress(stage, Double(bytesRead) / Double(size), rowsRead)
            }
        }
        try Self.requireUsableRows(reader, rows: rows, rejected: rejected)
        progress(stage, 1, rows)
    }

    /// Reads every row of a file, handing each to `body`; malformed rows are reported and skipped.
    func forEachRow(of reader: LineReader, stage: String, _ body: (TabularRow) throws -> Void) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: reader.path)[.size] as? Int) ?? 0
        var lastReport = 0
        var rows = 0
        var rejected = 0
        while let bytes = try reader.next() {
            let row = TabularRow(bytes, file: reader.path, line: reader.lineNumber)
            if row.isCommentOrBlank { continue }
            rows += 1
            do {
                try body(row)
            } catch let error as ImportError {
                rejected += 1
                try diagnostics.skip(error)
            }
            if size > 0, reader.bytesRead - lastReport > 1 << 20 {
                lastReport = reader.bytesRead
                progress(stage, Double(reader.bytesRead) / Double(size), rows)
            }
        }
        try Self.requireUsableRows(reader, rows: rows, rejected: rejected)
        progress(stage, 1, rows)
    }

    /// A file given to import must give something: an empty file, or one whose every row is malformed (a
    /// binary, a file of another format), would otherwise build a database that silently lacks it.
    private static func requireUsableRows(_ reader: LineReader, rows: Int, rejected: Int) throws(ImportError) {
        guard rows == rejected else { return }
        throw .noRows(file: reader.path, rows: rows, rejected: rejected)
    }

    // MARK: Finishing

    /// The page cache of each database, and so the size of a sort's runs, while the loaded rows are indexed.
    static let indexingCacheKiB = 65536

    /// Indexes the loaded rows, records metadata and moves the database into place.
    /// - Returns: what was loaded.
    @discardableResult
    public func finish() throws -> Report {
        try linkCountries()
        progress("indexing", nil, nil)
        let counts = try queue.writeWithoutTransaction { db -> (Int, Int) in
            // From here on every table is written in key order, so a large cache saves few reads; and SQLite
            // sizes each run of a sort by the main cache, with up to `threads` + 1 runs in memory at once. The
            // key index's sort of every name is the import's peak: 1,052 MB at 1 M places with the load's
            // 256 MB cache, 793 MB with this one, in the same CPU time.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.indexingCacheKiB); PRAGMA temp.cache_size = -\(Self.indexingCacheKiB)")
            try db.execute(sql: "BEGIN")
            try KeyIndexBuilder.build(in: db, normalizer: normalizer, path: destination.path, progress: progress)
            progress("cluster names", nil, nil)
            let names = try PlaceNameWriter.write(in: db)
            for (stage, sql) in Schema.indexSteps {
                progress(stage, nil, nil)
                try db.execute(sql: sql)
            }
            metadata["schema_version"] = String(Schema.version)
            metadata["built_at"] = ISO8601DateFormatter().string(from: Date())
            metadata["normalization_rules"] = normalizer.rules.fingerprint
            metadata["gazetteer_version"] = GazetteerVersion.current
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
            try db.execute(sql: "COMMIT")
            progress("analyze", nil, nil)
            try db.execute(sql: "ANALYZE")
            let places = try Int.fetchOne(db, sql: "SELECT count(*) FROM place") ?? 0
            return (places, names)
        }
        insertPlaceStatement = nil
        insertNameStatement = nil
        try queue.close()
        guard rename(temporary.path, destination.path) == 0 else {
            throw StoreError.buildFailed(path: destination.path, reason: String(cString: strerror(errno)))
        }
        TemporaryFiles.unregister(temporarySlot)
        temporarySlot = nil
        progress("done", 1, nil)
        return Report(path: destination.path, places: counts.0, names: counts.1,
                      skippedRows: diagnostics.skippedRows, seconds: Date().timeIntervalSince(started))
    }
}
