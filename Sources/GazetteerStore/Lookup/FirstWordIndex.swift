import Foundation
import Normalization

/// The first words of every name, in memory: a cheap test that tells the annotator which words of running
/// text may begin a place name, before it pays for a database lookup.
///
/// Each entry is the 64-bit hash of a first word's match key, with its low byte replaced by the most words
/// a name starting with it has (so "verin" says: look as far as two words). Stored sorted in the database
/// (`word_index`), loaded as one blob, searched by bisection.
package struct FirstWordIndex: Sendable {
    private let entries: [UInt64]

    /// The index of the database at `path`; empty when the database has none.
    public init(database: GazetteerDatabase) throws {
        let data = try database.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM word_index WHERE name = 'first_words'")
        } ?? Data()
        var entries = [UInt64](repeating: 0, count: data.count / 8)
        entries.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        self.entries = entries.map { UInt64(littleEndian: $0) }
    }

    /// How many words the longest name beginning with a word of this match key has; 0 when no name
    /// begins with it.
    package func maximumWords(startingWith matchKey: String) -> Int {
        let target = Self.hash(matchKey)
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] & ~0xFF < target { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low] & ~0xFF == target else { return 0 }
        return Int(entries[low] & 0xFF)
    }

    public var isEmpty: Bool { entries.isEmpty }

    static func hash(_ matchKey: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in matchKey.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash & ~0xFF
    }

    /// Collects first words while the key index is built.
    struct Builder {
        let normalizer: NameNormalizer
        private var longest: [String: Int] = [:]

        init(normalizer: NameNormalizer) { self.normalizer = normalizer }

        mutating func add(searchKey: String) {
            var words = 1
            var first = Substring(searchKey)
            if let space = searchKey.firstIndex(of: " ") {
                first = searchKey[..<space]
                words = searchKey.split(separator: " ").count
            }
            let word = String(first)
            if words > longest[word, default: 0] { longest[word] = min(words, 255) }
        }

        func data() -> Data {
            var maximum: [UInt64: Int] = [:]
            for (word, words) in longest {
                let hash = FirstWordIndex.hash(normalizer.matchKey(forSearchKey: word))
                maximum[hash] = max(maximum[hash, default: 0], words)
            }
            var entries = maximum.map { $0.key | UInt64($0.value) }
            entries.sort()
            return entries.withUnsafeBytes { Data($0) }
        }
    }
}
