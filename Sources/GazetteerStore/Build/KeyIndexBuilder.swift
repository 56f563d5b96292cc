import GRDB
import Normalization
import SystemICU

/// Builds the lookup structures of a finished load:
///
/// - `key_index`: for each match key, every name with that key packed as ``KeyEntry`` records with what
///   ranking needs of its place, so resolving a name is one primary-key probe; `key_code` numbers the
///   entries' short codes (``KeyCodes``);
/// - in `word_index`, the in-memory filters: the first words of names (``FirstWordIndex``) and every match key
///   (``MatchKeyFilter``), so that a key no name has is rejected without a probe, and the large lexicon
///   categories (``LexiconWords``);
/// - the fuzzy index: each distinct match key that fuzzy matching can use (`fuzzy_key`) and its
///   single-letter deletions, hashed into buckets of sorted (hash, key id) pairs (`fuzzy_bucket`). Two
///   keys within one edit (an insertion, deletion, substitution or transposition) share a deletion, so a
///   misspelling is found by probing its own deletions: symmetric-deletion search, without scanning the keys.
enum KeyIndexBuilder {
    static func build(in db: Database, normalizer: NameNormalizer, path: String,
                      progress: StoreBuilder.Progress) throws {
        var firstWords = FirstWordIndex.Builder(normalizer: normalizer)
        var codes = KeyCodes.Builder()
        // Only counted here: the pairs themselves are made after this pass, from `fuzzy_key`, a range of
        // hashes at a time (``writeBuckets(pairs:perPass:in:)``), so that they never share memory with the sort
        // of every name.
        var pairCount = 0
        let insertKey = try db.makeStatement(sql: "INSERT INTO key_index (match_key, part, entries) VALUES (?, ?, ?)")
        let insertFuzzyKey = try db.makeStatement(sql: "INSERT INTO fuzzy_key (kid, match_key) VALUES (?, ?)")
        let rows = try db.makeStatement(sql: """
            SELECT n.match_key, n.search_key, n.seq, n.pid, n.kind, l.name, n.language,
                   p.population, \(StoredCoordinate.degrees("p.latitude")), \(StoredCoordinate.degrees("p.longitude")),
                   p.country, p.feature_class, p.feature_code, p.admin1,
                   n.name
            FROM temp.name_load AS n JOIN place AS p USING (pid) JOIN label AS l ON l.code = n.source
            ORDER BY n.match_key, p.population DESC, n.rowid
            """)
        var currentKey: String?
        var keyHashes: [UInt64] = []
        var entries: [KeyEntry] = []
        var blob: [UInt8] = []
        var fuzzyUsable = false
        var kid: UInt32 = 0
        func flush() throws {
            guard let key = currentKey else { return }
            // A row of a WITHOUT ROWID table longer than a quarter page spills into overflow pages, each
            // mostly empty: a name borne by thousands of places is stored in rows that fit instead.
            for (part, start) in stride(from: 0, to: max(entries.count, 1), by: KeyEntry.entriesPerRow).enumerated() {
                blob.removeAll(keepingCapacity: true)
                do {
                    try KeyEntry.encode(entries[start..<min(entries.count, start + KeyEntry.entriesPerRow)],
                                        to: &blob, codes: &codes)
                } catch {
                    throw StoreError.buildFailed(
                        path: path, reason: "more than 65,535 distinct country, feature, language and admin1 codes")
                }
                insertKey.bind(1, key)
                insertKey.bind(2, Int64(part))
                insertKey.bind(3, blob: blob)
                try insertKey.run(in: db)
            }
            entries.removeAll(keepingCapacity: true)
            keyHashes.append(SortedHashes.hash(key))
            // Only keys with a name fuzzy matching looks at (see the resolver's `collect`) are worth the
            // ten or so pairs of their deletions: most alternate names never are.
            guard fuzzyUsable else { return }
            kid += 1
            insertFuzzyKey.bind(1, Int64(kid))
            insertFuzzyKey.bind(2, key)
            try insertFuzzyKey.run(in: db)
            FuzzyVariants.forEachHash(of: key) { _ in pairCount += 1 }
        }
        progress("key index", nil, nil)
        try rows.forEachRow(in: db) { row in
            let key = Column.text(row, 0) ?? ""
            let name = Column.text(row, 14) ?? ""
            let searchKey = StoredSearchKey.searchKey(stored: Column.text(row, 1), name: name)
            firstWords.add(searchKey: searchKey)
            if key != currentKey {
                try flush()
                currentKey = key
                fuzzyUsable = false
            }
            let entry = KeyEntry(
                pid: Column.int(row, 3), seq: UInt16(truncatingIfNeeded: Column.int(row, 2)),
                searchKeyHash: searchKeyHash(searchKey),
                population: UInt32(clamping: Column.int(row, 7)),
                latitude: Float(Column.double(row, 8)), longitude: Float(Column.double(row, 9)),
                country: UInt16(truncatingIfNeeded: PackedASCII.pack(Column.text(row, 10) ?? "")),
                featureClass: (Column.text(row, 11) ?? "").utf8.first ?? 0,
                featureCode: PackedASCII.pack(String((Column.text(row, 12) ?? "").prefix(8))),
                kind: KeyEntry.kind(code: Column.int(row, 4)),
                source: NameSource(label: Column.text(row, 5) ?? ""),
                language: PackedASCII.pack(Column.text(row, 6) ?? ""),
                admin1: PackedASCII.pack(Column.text(row, 13) ?? ""),
                script: UInt8(clamping: Script.dominant(in: name.unicodeScalars).code))
            fuzzyUsable = fuzzyUsable || FuzzyVariants.isUsable(entry)
            entries.append(entry)
        }
        try flush()

        try db.execute(sql: "INSERT INTO word_index (name, data) VALUES ('first_words', ?), ('match_keys', ?)",
                       arguments: [firstWords.data(), SortedHashes(entries: keyHashes).data()])
        try LexiconWords.write(in: db)
        let insertCode = try db.makeStatement(sql: "INSERT INTO key_code (code, value) VALUES (?, ?)")
        for (number, value) in codes.values.enumerated() {
            try insertCode.execute(arguments: [number, Int64(bitPattern: value)])
        }

        progress("fuzzy index", nil, nil)
        try writeBuckets(pairs: pairCount, in: db)
    }

    /// Pairs in one pass of ``writeBuckets(pairs:perPass:in:)`` at most: 128 MB (a full GeoNames store has some
    /// fifty million pairs), where holding them all beside the key index's sort added to the import's peak.
    static let pairsPerPass = 1 << 24

    /// Buckets are sized to hold about 48 pairs each whatever the store's size, so that a probe reads one
    /// small row (at 65,536 fixed buckets a full GeoNames store had rows of 30 kB); each pair is written in
    /// six bytes, its hash's low bits and the key id (``FuzzyBuckets``). The pairs are made from `fuzzy_key`
    /// in passes over ranges of the hash's top 16 bits, in which buckets of 16 bits or more nest: each pass
    /// sorts and writes its buckets, in the order one pass over all would.
    static func writeBuckets(pairs count: Int, perPass: Int = pairsPerPass, in db: Database) throws {
        let layout = FuzzyBuckets(pairCount: count)
        try db.execute(sql: "INSERT INTO metadata (key, value) VALUES ('fuzzy_bucket_bits', ?)",
                       arguments: [String(layout.bits)])
        let insertBucket = try db.makeStatement(sql: "INSERT INTO fuzzy_bucket (bucket, entries) VALUES (?, ?)")
        let keys = try db.makeStatement(sql: "SELECT kid, match_key FROM fuzzy_key ORDER BY kid")
        let passes = min(1 << 16, max(1, (count + perPass - 1) / perPass))
        var blob: [UInt8] = []
        for pass in 0..<passes {
            let range = UInt32((pass << 16) / passes)..<UInt32(((pass + 1) << 16) / passes)
            var pairs: [UInt64] = []
            pairs.reserveCapacity(count / passes + count / passes / 8)
            try keys.forEachRow(in: db) { row in
                let kid = UInt64(Column.int(row, 0))
                FuzzyVariants.forEachHash(of: Column.text(row, 1) ?? "") { hash in
                    if range.contains(hash >> 16) { pairs.append(UInt64(hash) << 32 | kid) }
                }
            }
            pairs.sort()
            var index = 0
            while index < pairs.count {
                let bucket = layout.bucket(UInt32(pairs[index] >> 32))
                blob.removeAll(keepingCapacity: true)
                while index < pairs.count, layout.bucket(UInt32(pairs[index] >> 32)) == bucket {
                    layout.write(pairs[index], to: &blob)
                    index += 1
                }
                insertBucket.bind(1, Int64(bucket))
                insertBucket.bind(2, blob: blob)
                try insertBucket.run(in: db)
            }
        }
    }
}

/// How the fuzzy index's (hash, key id) pairs are split into buckets by the top `bits` of the hash, and
/// each pair packed in six bytes: the hash's remaining low bits (at most 16) and the 32-bit key id.
struct FuzzyBuckets: Sendable {
    let bits: UInt32

    init(bits: UInt32) { self.bits = min(32, max(16, bits)) }

    init(pairCount: Int) {
        var bits: UInt32 = 16
        while bits < 28, pairCount >> Int(bits) > 48 { bits += 1 }
        self.init(bits: bits)
    }

    static let pairSize = 6

    @inline(__always)
    func bucket(_ hash: UInt32) -> UInt32 { hash >> (32 - bits) }

    /// The part of a hash a pair stores: the bits below the bucket number.
    @inline(__always)
    func low(_ hash: UInt32) -> UInt64 { UInt64(hash & UInt32(truncatingIfNeeded: (1 << UInt64(32 - bits)) - 1)) }

    func write(_ pair: UInt64, to blob: inout [UInt8]) {
        let packed = low(UInt32(pair >> 32)) << 32 | (pair & 0xFFFF_FFFF)
        withUnsafeBytes(of: packed.littleEndian) { blob.append(contentsOf: $0.prefix(Self.pairSize)) }
    }

    /// A stored pair, its hash part in the high bits: ordered as the pairs were sorted.
    @inline(__always)
    static func pair(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt64 {
        let base = index * pairSize
        return UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: base, as: UInt32.self)))
            | UInt64(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: base + 4, as: UInt16.self))) << 32
    }
}

/// The deletion neighbourhood of a key: the key itself and every string one letter shorter. Keys shorter
/// than four letters are left out of fuzzy matching (one edit away from too many unrelated names).
package enum FuzzyVariants {
    package static let minimumLength = 4
    /// Longer keys are names of many words; a typo there is found through the words themselves.
    package static let maximumLength = 40

    /// Whether fuzzy matching looks at a name at all: it matches misspellings against the names places
    /// are known by (preferred and official names, curated and CLDR names), not every alternate name.
    package static func isUsable(_ entry: KeyEntry) -> Bool {
        entry.kind == .preferred || entry.kind == .official || entry.source == .curated || entry.source == .cldr
    }

    /// Calls `body` with ``searchKeyHash(_:)`` of each of ``of(_:)``'s variants, without making them:
    /// a full GeoNames build hashes some hundred million.
    static func forEachHash(of key: String, _ body: (UInt32) -> Void) {
        var key = key
        key.withUTF8 { bytes in
            // The start of each scalar (a byte that is not a UTF-8 continuation byte).
            var starts: [Int] = []
            for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(index) }
            guard starts.count >= minimumLength, starts.count <= maximumLength else { return }
            func fnv(_ hash: UInt32, _ range: Range<Int>) -> UInt32 {
                var hash = hash
                for index in range { hash = (hash ^ UInt32(bytes[index])) &* 0x0100_0193 }
                return hash
            }
            body(fnv(0x811C_9DC5, 0..<bytes.count))
            for (position, start) in starts.enumerated() {
                let end = position + 1 < starts.count ? starts[position + 1] : bytes.count
                // Deleting either of two equal neighbours gives the same variant: hash it once.
                if position > 0, bytes[starts[position - 1]..<start].elementsEqual(bytes[start..<end]) { continue }
                body(fnv(fnv(0x811C_9DC5, 0..<start), end..<bytes.count))
            }
        }
    }

    public static func of(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= minimumLength, scalars.count <= maximumLength else { return [] }
        var variants = [key]
        var seen: Set<String> = [key]
        for index in scalars.indices {
            var shorter = String.UnicodeScalarView()
            shorter.append(contentsOf: scalars[..<index])
            shorter.append(contentsOf: scalars[(index + 1)...])
            let variant = String(shorter)
            if seen.insert(variant).inserted { variants.append(variant) }
        }
        return variants
    }
}
