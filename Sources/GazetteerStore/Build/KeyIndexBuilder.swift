import GRDB
import GRDBSQLite
import Normalization
import SystemICU

/// Builds the lookup structures of a finished load:
///
/// - `key_index`: for each match key, every name with that key packed as ``KeyEntry`` records with what
///   ranking needs of its place, so resolving a name is one primary-key probe;
/// - in `word_index`, the in-memory filters: the first words of names (``FirstWordIndex``) and every match key
///   (``MatchKeyFilter``), so that a key no name has is rejected without a probe, and the large lexicon
///   categories (``LexiconWords``);
/// - the fuzzy index: each distinct match key (`fuzzy_key`) and its single-letter deletions, hashed into
///   65,536 buckets of sorted (hash, key id) pairs (`fuzzy_bucket`). Two keys within one edit (an
///   insertion, deletion, substitution or transposition) share a deletion, so a misspelling is found by
///   probing its own deletions: symmetric-deletion search, without scanning the keys.
enum KeyIndexBuilder {
    static let bucketBits: UInt32 = 16

    static func build(in db: Database, normalizer: NameNormalizer, progress: (String, Double?) -> Void) throws {
        var firstWords = FirstWordIndex.Builder(normalizer: normalizer)
        var buckets = [[UInt64]](repeating: [], count: 1 << Int(bucketBits))
        let insertKey = try db.makeStatement(sql: "INSERT INTO key_index (match_key, entries) VALUES (?, ?)")
        let insertFuzzyKey = try db.makeStatement(sql: "INSERT INTO fuzzy_key (kid, match_key) VALUES (?, ?)")
        let rows = try db.makeStatement(sql: """
            SELECT n.match_key, n.search_key, n.nid, n.pid, n.kind, n.source, n.language,
                   p.population, p.latitude, p.longitude, p.country, p.feature_class, p.feature_code, p.admin1,
                   n.name
            FROM name AS n JOIN place AS p USING (pid)
            ORDER BY n.match_key, p.population DESC, n.nid
            """)
        var currentKey: String?
        var keyHashes: [UInt64] = []
        var blob: [UInt8] = []
        var kid: UInt32 = 0
        func flush() throws {
            guard let key = currentKey else { return }
            insertKey.bind(1, key)
            blob.withUnsafeBytes { raw in
                _ = sqlite3_bind_blob(insertKey.sqliteStatement, 2, raw.baseAddress, Int32(raw.count),
                                      unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
            try insertKey.run(in: db)
            keyHashes.append(SortedHashes.hash(key))
            kid += 1
            insertFuzzyKey.bind(1, Int64(kid))
            insertFuzzyKey.bind(2, key)
            try insertFuzzyKey.run(in: db)
            for variant in FuzzyVariants.of(key) {
                let hash = searchKeyHash(variant)
                buckets[Int(hash >> (32 - bucketBits))].append(UInt64(hash) << 32 | UInt64(kid))
            }
            blob.removeAll(keepingCapacity: true)
        }
        progress("key index", nil)
        try rows.forEachRow(in: db) { row in
            let key = Column.text(row, 0) ?? ""
            let searchKey = Column.text(row, 1) ?? ""
            firstWords.add(searchKey: searchKey)
            if key != currentKey {
                try flush()
                currentKey = key
            }
            let entry = KeyEntry(
                pid: Column.int(row, 3), nid: Column.int(row, 2),
                searchKeyHash: searchKeyHash(searchKey),
                population: UInt32(clamping: Column.int(row, 7)),
                latitude: Float(Column.double(row, 8)), longitude: Float(Column.double(row, 9)),
                country: UInt16(truncatingIfNeeded: PackedASCII.pack(Column.text(row, 10) ?? "")),
                featureClass: (Column.text(row, 11) ?? "").utf8.first ?? 0,
                featureCode: PackedASCII.pack(String((Column.text(row, 12) ?? "").prefix(7))),
                kind: NameKind(rawValue: Column.text(row, 4) ?? "") ?? .alternate,
                source: NameSource(label: Column.text(row, 5) ?? ""),
                language: PackedASCII.pack(Column.text(row, 6) ?? ""),
                admin1: PackedASCII.pack(Column.text(row, 13) ?? ""),
                script: UInt8(clamping: Script.dominant(in: (Column.text(row, 14) ?? "").unicodeScalars).code))
            entry.write(to: &blob)
        }
        try flush()

        try db.execute(sql: "INSERT INTO word_index (name, data) VALUES ('first_words', ?), ('match_keys', ?)",
                       arguments: [firstWords.data(), SortedHashes(entries: keyHashes).data()])
        try LexiconWords.write(in: db)

        progress("fuzzy index", nil)
        let insertBucket = try db.makeStatement(sql: "INSERT INTO fuzzy_bucket (bucket, entries) VALUES (?, ?)")
        for (index, var pairs) in buckets.enumerated() where !pairs.isEmpty {
            pairs.sort()
            insertBucket.bind(1, Int64(index))
            pairs.withUnsafeBytes { raw in
                _ = sqlite3_bind_blob(insertBucket.sqliteStatement, 2, raw.baseAddress, Int32(raw.count),
                                      unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
            try insertBucket.run(in: db)
            buckets[index] = []
        }
    }
}

/// The deletion neighbourhood of a key: the key itself and every string one letter shorter. Keys shorter
/// than four letters are left out of fuzzy matching (one edit away from too many unrelated names).
package enum FuzzyVariants {
    package static let minimumLength = 4
    /// Longer keys are names of many words; a typo there is found through the words themselves.
    package static let maximumLength = 40

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
