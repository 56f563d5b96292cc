import GRDB

/// The words of one large lexicon category (ordinary words, given names, surnames: thousands each), as
/// sorted hashes of their search keys written with the database (`word_index`, `lexicon:CATEGORY`):
/// read with one copy at start-up, where a set of strings was built row by row.
///
/// Two different keys share a 56-bit hash about once in 2⁵⁶ ÷ words lookups (under 10⁻¹¹ for the largest
/// category): such a collision is the only way an answer can differ from the lexicon table's.
public struct LexiconWords: Sendable {
    /// The categories kept as hashes: the large ones, only ever asked whether they hold a word. The Russian
    /// person names are asked about every Cyrillic word and every lone word a query names.
    static let hashedCategories = ["common", "given-name", "surname", "given-name-ru", "patronymic-ru", "surname-ru"]
    private let hashes: SortedHashes

    /// The words with these search keys.
    public init(_ searchKeys: some Sequence<String>) {
        hashes = SortedHashes(entries: searchKeys.map(SortedHashes.hash).sorted())
    }

    init(hashes: SortedHashes) {
        self.hashes = hashes
    }

    /// Whether the category holds the word with this search key.
    public func contains(_ searchKey: String) -> Bool {
        hashes.entry(matching: SortedHashes.hash(searchKey)) != nil
    }

    public var count: Int { hashes.count }

    static func blobName(_ category: String) -> String { "lexicon:" + category }

    /// Writes the hashed categories, once the build has loaded the lexicon.
    static func write(in db: Database) throws {
        for category in hashedCategories {
            let keys = try String.fetchAll(db, sql: "SELECT search_key FROM lexicon WHERE category = ?", arguments: [category])
            try db.execute(sql: "INSERT INTO word_index (name, data) VALUES (?, ?)",
                           arguments: [blobName(category), SortedHashes(entries: keys.map(SortedHashes.hash)).data()])
        }
    }
}

extension GazetteerDatabase {
    /// The words of lexicon `category` (`common`, `given-name` and `surname` are read from their
    /// hashes; any other category, or a database without them, from its rows).
    public func lexiconWords(_ category: String) throws -> LexiconWords {
        try read { db in
            if LexiconWords.hashedCategories.contains(category), let handle = db.sqliteConnection {
                let hashes = SortedHashes(handle: handle, name: LexiconWords.blobName(category))
                if !hashes.isEmpty { return LexiconWords(hashes: hashes) }
            }
            return LexiconWords(try String.fetchAll(db, sql: "SELECT search_key FROM lexicon WHERE category = ?",
                                                    arguments: [category]))
        }
    }
}
