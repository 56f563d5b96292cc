import Foundation
import Normalization

/// The first words of every name, in memory: a cheap test that tells the annotator which words of running
/// text may begin a place name, before it pays for a database lookup.
///
/// Each entry is the 64-bit hash of a first word's match key, with its low byte replaced by the most words
/// a name starting with it has (so "verin" says: look as far as two words). Stored sorted in the database
/// (`word_index`), read as one blob (``SortedHashes``), searched by bisection.
package struct FirstWordIndex: Sendable {
    private let hashes: SortedHashes

    /// The index of the database at `path`; empty when the database has none.
    public init(database: GazetteerDatabase) throws {
        hashes = try database.read { db in
            guard let handle = db.sqliteConnection else { return SortedHashes(entries: []) }
            return SortedHashes(handle: handle, name: "first_words")
        }
    }

    /// How many words the longest name beginning with a word of this match key has; 0 when no name
    /// begins with it.
    package func maximumWords(startingWith matchKey: String) -> Int {
        hashes.entry(matching: Self.hash(matchKey)).map { Int($0 & 0xFF) } ?? 0
    }

    public var isEmpty: Bool { hashes.isEmpty }

    static func hash(_ matchKey: String) -> UInt64 {
        SortedHashes.hash(matchKey)
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
            return SortedHashes(entries: maximum.map { $0.key | UInt64($0.value) }).data()
        }
    }
}
