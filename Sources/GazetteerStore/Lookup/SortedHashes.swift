import Foundation
import Synchronization
import GRDBSQLite

/// Sorted 64-bit hashes of keys, kept as one blob of the database's `word_index` table and read into memory
/// with a single copy, nothing decoded: the in-memory filters that answer "is there a name like this?" in
/// nanoseconds, so that text which names nothing never reaches SQLite.
///
/// The low byte of each hash is free for a small value (``FirstWordIndex`` keeps a word count there): entries
/// compare by their upper 56 bits.
struct SortedHashes: Sendable {
    private let entries: [UInt64]

    init(entries: [UInt64]) {
        self.entries = entries
    }

    /// The blob `name` of `word_index`, read through `handle` by rowid straight into the entries (one copy,
    /// nothing decoded); empty when the database has none.
    init(handle: OpaquePointer, name: String) {
        var statement: OpaquePointer?
        var blob: OpaquePointer?
        defer {
            sqlite3_blob_close(blob)
            sqlite3_finalize(statement)
        }
        guard sqlite3_prepare_v2(handle, "SELECT rowid FROM word_index WHERE name = ?", -1, &statement, nil) == SQLITE_OK,
              let statement,
              sqlite3_bind_text(statement, 1, name, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) == SQLITE_OK,
              sqlite3_step(statement) == SQLITE_ROW,
              sqlite3_blob_open(handle, "main", "word_index", "data", sqlite3_column_int64(statement, 0), 0, &blob) == SQLITE_OK,
              let blob else {
            self.init(entries: [])
            return
        }
        let count = Int(sqlite3_blob_bytes(blob)) / 8
        var read = true
        var entries = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { read = sqlite3_blob_read(blob, buffer.baseAddress, Int32(count * 8), 0) == SQLITE_OK }
            initialized = read ? count : 0
        }
        if UInt64(littleEndian: 1) != 1 {
            for index in entries.indices { entries[index] = UInt64(littleEndian: entries[index]) }
        }
        self.init(entries: entries)
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The entry whose upper 56 bits are `hash`'s, if any.
    func entry(matching hash: UInt64) -> UInt64? {
        let target = hash & ~0xFF
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] & ~0xFF < target { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low] & ~0xFF == target else { return nil }
        return entries[low]
    }

    /// The blob's bytes, sorted, as the database keeps them.
    func data() -> Data {
        entries.sorted().map(\.littleEndian).withUnsafeBytes { Data($0) }
    }

    /// FNV-1a of the key's UTF-8 bytes, with the low byte cleared.
    static func hash(_ key: String) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(key)
        return hasher.value & ~0xFF
    }
}

/// Every match key of the key index, in memory: a probe for a key no name has (most spans of running text
/// the annotator tries, "Police Chief John") is answered without SQLite.
///
/// A hash may match a key that is not there (about one in 2⁵⁶ · keys); that costs one probe of the database,
/// never a wrong answer. A database built before the filter existed has none: then every key is probed.
public struct MatchKeyFilter: Sendable {
    private let hashes: SortedHashes

    init(hashes: SortedHashes) {
        self.hashes = hashes
    }

    init(handle: OpaquePointer) {
        hashes = SortedHashes(handle: handle, name: "match_keys")
    }

    /// Whether some name may have the match key `matchKey`; false only when none has.
    public func mayContain(_ matchKey: String) -> Bool {
        hashes.isEmpty || hashes.entry(matching: SortedHashes.hash(matchKey)) != nil
    }

    /// How many keys the filter holds (0 for a database without one).
    public var count: Int { hashes.count }
}

/// The ``MatchKeyFilter``, read into memory once lookups have asked about ``probesBeforeReading`` keys, each
/// answered until then by a probe of the key index (the same answer): a process that resolves one name
/// probes once, where copying the filter cost 5.5 M instructions, 7 % of `gazetteer resolve NAME`; a stream
/// of names or a text reads it within its first few lookups. Shared by the connections of a pool.
package final class LazyKeyFilter: Sendable {
    static let probesBeforeReading = 64

    private enum State {
        /// Asked about this many keys, each left to the index.
        case asked(Int)
        case read(MatchKeyFilter)
    }

    private let state = Mutex<State>(.asked(0))

    /// The filter when it is (or, at this question or when `now`, gets) read through `handle`; nil when the
    /// caller is to probe the index instead.
    func filter(handle: OpaquePointer, now: Bool = false) -> MatchKeyFilter? {
        state.withLock { state in
            switch state {
            case .read(let filter):
                return filter
            case .asked(let count) where count + 1 < Self.probesBeforeReading && !now:
                state = .asked(count + 1)
                return nil
            case .asked:
                let filter = MatchKeyFilter(handle: handle)
                state = .read(filter)
                return filter
            }
        }
    }

    /// Whether the filter has been read (for tests).
    var isRead: Bool {
        state.withLock { if case .read = $0 { true } else { false } }
    }
}
