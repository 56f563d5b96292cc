import Foundation
import Synchronization
import GRDBSQLite
import SQLiteSharedMap

/// A read-only SQLite connection for the hot lookups of resolution, with its statements prepared once.
///
/// Resolution runs hundreds of thousands of lookups a second; each is one probe of a primary key. Going
/// through SQLite's C API directly, with statements prepared when the connection opens, keeps a lookup to
/// a few microseconds. A connection is used by one task at a time (SQLite's multi-thread mode lets it move
/// between threads, never be shared): ``LookupPool`` hands them out, hence the unchecked `Sendable`.
public final class LookupConnection: @unchecked Sendable {
    private let path: String
    private var handle: OpaquePointer?
    private let keyStatement: OpaquePointer
    private let bucketStatement: OpaquePointer
    private let fuzzyKeyStatement: OpaquePointer
    private let placeStatement: OpaquePointer
    private let nameStatement: OpaquePointer
    private let placeByIDStatement: OpaquePointer
    private let geonamesPlaceStatement: OpaquePointer
    private let lexiconStatement: OpaquePointer
    /// What the connection keeps in memory from the database: its key filter, and the lexicon's large
    /// categories as hashes; read by the pool's first connection and shared by the others.
    package let memory: LookupMemory
    /// The key filter, read now if lookups have not read it yet.
    package var keyFilter: MatchKeyFilter {
        handle.flatMap { memory.keyFilter.filter(handle: $0, now: true) } ?? MatchKeyFilter(hashes: SortedHashes(entries: []))
    }
    /// The pool's key filter once it has been read (see ``entries(matchKey:)``).
    private var readKeyFilter: MatchKeyFilter?
    private let codes: KeyCodes
    private let buckets: FuzzyBuckets

    /// - Parameter memory: the database's filters, when another connection has read them already.
    init(path: String, memory: LookupMemory? = nil) throws(StoreError) {
        self.path = path
        var handle: OpaquePointer?
        // The file never changes in place (a rebuild renames a new file over it), so it is opened immutable:
        // SQLite then takes no locks, never re-checks the file, keeps its page cache between lookups, and a
        // connection keeps reading the file it opened when a rebuild replaces it.
        let uri = "file:" + Self.uriEscaped(path) + "?immutable=1"
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        // Every connection reads the file through one map shared by the process (see SQLiteSharedMap), so that
        // a pool of connections costs the resident memory of one.
        let vfs = gazetteer_shared_map_register() == SQLITE_OK ? GAZETTEER_SHARED_MAP_VFS : nil
        guard sqlite3_open_v2(uri, &handle, flags, vfs) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw .sqlite(path: path, message: message)
        }
        self.handle = handle
        // The whole file is mapped, however large (SQLite caps it at its compile-time maximum): a store that
        // outgrew a fixed 4 GB map read its far pages through system calls, 25 times slower.
        let fileSize = Int64((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        sqlite3_exec(handle, "PRAGMA mmap_size = \(max(fileSize + (1 << 20), 1 << 32)); PRAGMA cache_size = -65536",
                     nil, nil, nil)
        func prepare(_ sql: String) throws(StoreError) -> OpaquePointer {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
                  let statement else {
                throw .sqlite(path: path, message: String(cString: sqlite3_errmsg(handle)))
            }
            return statement
        }
        keyStatement = try prepare("SELECT entries FROM key_index WHERE match_key = ? ORDER BY part")
        bucketStatement = try prepare("SELECT entries FROM fuzzy_bucket WHERE bucket = ?")
        fuzzyKeyStatement = try prepare("SELECT match_key FROM fuzzy_key WHERE kid = ?")
        // Rows are read alone: sources and country names come from ``LookupMemory``, where joins to the
        // label and country tables cost a b-tree probe each per row.
        placeStatement = try prepare("""
            SELECT id, name, feature_class, feature_code, country, admin1, admin2, admin1_name, admin2_name,
            \(StoredCoordinate.degrees("latitude")), \(StoredCoordinate.degrees("longitude")), population, timezone,
            source FROM place WHERE pid = ?
            """)
        nameStatement = try prepare("SELECT names FROM place_name WHERE pid = ?")
        placeByIDStatement = try prepare("SELECT pid FROM place WHERE id = ?")
        geonamesPlaceStatement = try prepare("SELECT pid FROM place WHERE pid = ? AND id IS NULL")
        lexiconStatement = try prepare("SELECT 1 FROM lexicon WHERE category = ? AND search_key = ?")
        // One read transaction for the connection's life: the file is immutable, so it never goes stale, and
        // each lookup no longer begins and ends a transaction of its own (callgrind: a third of a place row's
        // instructions went to that, in sqlite3_step and sqlite3_reset).
        sqlite3_exec(handle, "BEGIN", nil, nil, nil)
        self.memory = memory ?? LookupMemory(handle: handle)
        let codeStatement = try prepare("SELECT value FROM key_code ORDER BY code")
        defer { sqlite3_finalize(codeStatement) }
        var values: [UInt64] = []
        while sqlite3_step(codeStatement) == SQLITE_ROW {
            values.append(UInt64(bitPattern: sqlite3_column_int64(codeStatement, 0)))
        }
        codes = KeyCodes(values: values)
        let bitsStatement = try prepare("SELECT value FROM metadata WHERE key = 'fuzzy_bucket_bits'")
        defer { sqlite3_finalize(bitsStatement) }
        let bits = sqlite3_step(bitsStatement) == SQLITE_ROW ? UInt32(Column.text(bitsStatement, 0) ?? "") : nil
        buckets = FuzzyBuckets(bits: bits ?? 16)
    }

    deinit {
        for statement in [keyStatement, bucketStatement, fuzzyKeyStatement, placeStatement, nameStatement,
                          placeByIDStatement, geonamesPlaceStatement, lexiconStatement] {
            sqlite3_finalize(statement)
        }
        sqlite3_close_v2(handle)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A path as it may appear in a `file:` URI.
    static func uriEscaped(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x21, 0x7F...:
                result += String(format: "%%%02X", byte)
            default:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    /// Steps `statement`: whether it has a row. A failure (a damaged page, an I/O error) answers "no row", so
    /// that a lookup stays a plain value on the hot path, and is recorded in ``LookupDamage`` for the
    /// caller to report: an empty answer from a damaged file must not pass for "not in the gazetteer".
    private func hasRow(_ statement: OpaquePointer) -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code != SQLITE_DONE {
            LookupDamage.record(path: path, code: code, message: String(cString: sqlite3_errmsg(handle)))
        }
        return false
    }

    /// Every name whose match key is `matchKey`, with its place's ranking data.
    package func entries(matchKey: String) -> [KeyEntry] {
        // Once the pool's filter is read, the connection keeps it: asking the shared one takes its lock.
        if readKeyFilter == nil, let handle { readKeyFilter = memory.keyFilter.filter(handle: handle) }
        if let readKeyFilter, !readKeyFilter.mayContain(matchKey) { return [] }
        defer { sqlite3_reset(keyStatement) }
        sqlite3_bind_text(keyStatement, 1, matchKey, -1, Self.transient)
        var entries: [KeyEntry] = []
        // A key's entries come in rows of ``KeyEntry/entriesPerRow``, in order.
        while hasRow(keyStatement) {
            guard let blob = sqlite3_column_blob(keyStatement, 0) else { continue }
            let count = Int(sqlite3_column_bytes(keyStatement, 0))
            let part = KeyEntry.decode(UnsafeRawBufferPointer(start: blob, count: count), codes: codes)
            if entries.isEmpty { entries = part } else { entries += part }
        }
        return entries
    }

    /// The ids of match keys that have a deletion variant hashing to `hash`.
    func fuzzyKeyIDs(variantHash hash: UInt32) -> [Int64] {
        defer { sqlite3_reset(bucketStatement) }
        sqlite3_bind_int64(bucketStatement, 1, Int64(buckets.bucket(hash)))
        guard hasRow(bucketStatement), let blob = sqlite3_column_blob(bucketStatement, 0) else {
            return []
        }
        let count = Int(sqlite3_column_bytes(bucketStatement, 0)) / FuzzyBuckets.pairSize
        let pairs = UnsafeRawBufferPointer(start: blob, count: count * FuzzyBuckets.pairSize)
        // Binary search for the first pair with this hash.
        var low = 0
        var high = count
        let part = buckets.low(hash)
        let target = part << 32
        while low < high {
            let middle = (low + high) / 2
            if FuzzyBuckets.pair(pairs, middle) < target { low = middle + 1 } else { high = middle }
        }
        var ids: [Int64] = []
        while low < count, FuzzyBuckets.pair(pairs, low) >> 32 == part {
            ids.append(Int64(FuzzyBuckets.pair(pairs, low) & 0xFFFF_FFFF))
            low += 1
        }
        return ids
    }

    /// The match key with fuzzy-index id `kid`.
    func fuzzyKey(_ kid: Int64) -> String? {
        defer { sqlite3_reset(fuzzyKeyStatement) }
        sqlite3_bind_int64(fuzzyKeyStatement, 1, kid)
        guard hasRow(fuzzyKeyStatement) else { return nil }
        return Column.text(fuzzyKeyStatement, 0)
    }

    /// The place with internal row id `pid`.
    public func place(pid: Int64) -> Place? {
        defer { sqlite3_reset(placeStatement) }
        sqlite3_bind_int64(placeStatement, 1, pid)
        // The label's inner join and the country's left join of ``GazetteerDatabase/placeColumns``, in memory.
        guard hasRow(placeStatement), let source = memory.labels[Column.int(placeStatement, 13)] else { return nil }
        let s = placeStatement
        let country = Column.text(s, 4) ?? ""
        return Place(id: Column.text(s, 0) ?? PlaceID.derived(pid), name: Column.text(s, 1) ?? "",
                     featureClass: Column.text(s, 2) ?? "", featureCode: Column.text(s, 3) ?? "", country: country,
                     admin1: Column.text(s, 5) ?? "", admin2: Column.text(s, 6) ?? "", admin1Name: Column.text(s, 7),
                     admin2Name: Column.text(s, 8), latitude: Column.double(s, 9), longitude: Column.double(s, 10),
                     population: Int(Column.int(s, 11)), timezone: Column.text(s, 12), source: source,
                     countryName: memory.countryNames[country])
    }

    /// Whether `searchKey` is an ordinary word of some language (the lexicon's `common` category).
    package func isCommonWord(_ searchKey: String) -> Bool {
        lexiconContains(searchKey, category: "common")
    }

    /// Whether `searchKey` is a surname: a frequent US one or one the news of the region names alone (the
    /// lexicon's `surname` category: Borrell), or a form of a Russian one (`surname-ru`: Putin, Peskov, Mirzoyan).
    package func isSurname(_ searchKey: String) -> Bool {
        lexiconContains(searchKey, category: "surname") || lexiconContains(searchKey, category: "surname-ru")
    }

    /// Whether the lexicon's `category` has `searchKey`: from the category's hashes when the database has them
    /// (``LexiconWords``), else one probe of the table's primary key.
    package func lexiconContains(_ searchKey: String, category: String) -> Bool {
        if let handle, let words = memory.lexicon.words(category, handle: handle) { return words.contains(searchKey) }
        defer { sqlite3_reset(lexiconStatement) }
        sqlite3_bind_text(lexiconStatement, 1, category, -1, Self.transient)
        sqlite3_bind_text(lexiconStatement, 2, searchKey, -1, Self.transient)
        return hasRow(lexiconStatement)
    }

    /// The internal row id of the place with public id `id`.
    package func pid(forPlaceID id: String) -> Int64? {
        let statement = PlaceID.derivedPID(id) == nil ? placeByIDStatement : geonamesPlaceStatement
        defer { sqlite3_reset(statement) }
        if let pid = PlaceID.derivedPID(id) {
            sqlite3_bind_int64(statement, 1, pid)
        } else {
            sqlite3_bind_text(statement, 1, id, -1, Self.transient)
        }
        guard hasRow(statement) else { return nil }
        return Column.int(statement, 0)
    }

    /// The fields of a name that lookups need.
    public typealias NameRow = (name: String, language: String, kind: NameKind, source: String, searchKey: String)

    /// The name with id `nid` (``KeyEntry/nid``: its place and number there), with its text, language,
    /// kind, source and search key; nil when there is none.
    public func name(nid: Int64) -> NameRow? {
        defer { sqlite3_reset(nameStatement) }
        sqlite3_bind_int64(nameStatement, 1, KeyEntry.pid(ofName: nid))
        guard hasRow(nameStatement), let blob = sqlite3_column_blob(nameStatement, 0) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(nameStatement, 0)))
        guard let record = StoredNames.record(seq: Int(KeyEntry.seq(ofName: nid)), in: bytes),
              let source = memory.labels[record.source] else { return nil }
        return (record.name, record.language, KeyEntry.kind(code: Int64(record.kind)), source,
                StoredSearchKey.searchKey(stored: record.searchKey, name: record.name))
    }

    /// Match keys within `maxDistance` edits of `matchKey` (other than itself), nearest first.
    package func fuzzyKeys(near matchKey: String, maxDistance: Int) -> [(key: String, distance: Int)] {
        var seenIDs: Set<Int64> = []
        var found: [(String, Int)] = []
        FuzzyVariants.forEachHash(of: matchKey) { hash in
            for kid in fuzzyKeyIDs(variantHash: hash) where seenIDs.insert(kid).inserted {
                guard let key = fuzzyKey(kid), key != matchKey else { continue }
                let distance = EditDistance.damerauLevenshtein(matchKey, key, limit: maxDistance)
                if distance <= maxDistance { found.append((key, distance)) }
            }
        }
        return found.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }
}

/// What lookups keep of the database in memory, so that most questions never reach SQLite.
package struct LookupMemory: Sendable {
    /// Every match key of the database, read once lookups have asked about enough keys: keys no name has
    /// are answered here.
    package let keyFilter = LazyKeyFilter()
    /// The lexicon's large categories as hashes (``LexiconWords/hashedCategories``): a query's words and a
    /// text's Cyrillic words are checked against them.
    let lexicon = LexiconHashes()
    /// The `label` table (sources by number) and the `country` table's names by code: a handful and some
    /// 250 rows, which every place and name row refers to.
    let labels: [Int64: String]
    let countryNames: [String: String]

    init(handle: OpaquePointer) {
        var labels: [Int64: String] = [:]
        Self.forEachRow("SELECT code, name FROM label", handle: handle) { labels[Column.int($0, 0)] = Column.text($0, 1) }
        self.labels = labels
        var countryNames: [String: String] = [:]
        Self.forEachRow("SELECT code, name FROM country", handle: handle) { row in
            if let code = Column.text(row, 0) { countryNames[code] = Column.text(row, 1) }
        }
        self.countryNames = countryNames
    }

    private static func forEachRow(_ sql: String, handle: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return }
        defer { sqlite3_finalize(statement) }
        while sqlite3_step(statement) == SQLITE_ROW { body(statement) }
    }
}

/// The lexicon's hashed categories, each read into memory once lookups have asked about it
/// ``probesBeforeReading`` times: a stream of names or a Russian text asks thousands of times, and a process
/// that resolves one name should not copy a megabyte for it. Shared by the connections of a pool.
final class LexiconHashes: Sendable {
    static let probesBeforeReading = 64

    private enum State {
        /// Asked about this many times, each answered by a probe of the table.
        case probed(Int)
        /// Read: its words, or nil when the database keeps no hashes of it.
        case read(LexiconWords?)
    }

    private let states = Mutex<[String: State]>([:])

    /// The words of `category` when they are (or now get) read into memory, through `handle`; nil when the
    /// caller is to probe the table instead.
    func words(_ category: String, handle: OpaquePointer) -> LexiconWords? {
        let state = states.withLock { states -> State in
            let state: State = switch states[category] {
            case .read(let words): .read(words)
            case .probed(let count): .probed(count + 1)
            case nil: .probed(1)
            }
            if case .probed(let count) = state, count < Self.probesBeforeReading { states[category] = state }
            return state
        }
        switch state {
        case .read(let words):
            return words
        case .probed(let count) where count < Self.probesBeforeReading:
            return nil
        case .probed:
            var words: LexiconWords?
            if LexiconWords.hashedCategories.contains(category) {
                let hashes = SortedHashes(handle: handle, name: LexiconWords.blobName(category))
                words = hashes.isEmpty ? nil : LexiconWords(hashes: hashes)
            }
            states.withLock { $0[category] = .read(words) }
            return words
        }
    }
}

/// A pool of lookup connections, shared by any number of tasks: each lookup borrows one.
public final class LookupPool: Sendable {
    public let path: String
    private let idle = Mutex<[LookupConnection]>([])
    /// The database's in-memory filters, read by the first connection and shared by the others.
    private let memory = Mutex<LookupMemory?>(nil)

    public init(path: String) {
        self.path = path
    }

    /// Runs `body` with a connection of its own.
    public func withConnection<T>(_ body: (LookupConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? newConnection()
        defer { idle.withLock { $0.append(connection) } }
        return try body(connection)
    }

    private func newConnection() throws(StoreError) -> LookupConnection {
        let connection = try LookupConnection(path: path, memory: memory.withLock { $0 })
        memory.withLock { memory in
            if memory == nil { memory = connection.memory }
        }
        return connection
    }
}
