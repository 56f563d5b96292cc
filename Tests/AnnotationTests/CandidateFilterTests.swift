import Annotation
import Foundation
import GRDB
import GazetteerStore
import Testing

/// The key filter turns spans away before SQLite: annotation with it must find exactly what annotation
/// without it finds, or a place would be lost without a sign.
@Suite struct CandidateFilterTests {
    /// The fixture gazetteer without its key filter: every key is probed in SQLite, as before the filter.
    static let unfiltered: Annotator = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unfiltered-\(UUID().uuidString).sqlite")
        try! FileManager.default.copyItem(atPath: AnnotationTestSupport.databasePath, toPath: url.path)
        try! DatabaseQueue(path: url.path).write { db in
            try db.execute(sql: "DELETE FROM word_index WHERE name = 'match_keys'")
        }
        return try! Annotator(database: try! GazetteerDatabase(path: url.path))
    }()

    /// Each mention as everything a caller sees of it.
    static func summary(_ annotator: Annotator, _ text: String) throws -> [String] {
        try annotator.annotate(text, options: AnnotateOptions(alternatives: 3)).map { mention in
            "\(mention.start)-\(mention.end) \(mention.text) \(mention.score) \(mention.place?.place.id ?? "-") "
                + "\(mention.place?.match.type.label ?? "-") \(mention.alternatives.map(\.place.id)) \(mention.reasons)"
        }
    }

    @Test func theFilterHoldsKeysAndTheUnfilteredCopyNone() throws {
        try LookupPool(path: AnnotationTestSupport.databasePath).withConnection { connection in
            #expect(connection.keyFilter.count > 0)
        }
        #expect(try Self.summary(Self.unfiltered, "Goris") == Self.summary(AnnotationTestSupport.annotator, "Goris"))
    }

    @Test(arguments: DetectionExamplesTests.examples)
    func annotationFindsWhatItFoundWithoutTheFilter(_ example: DetectionExamplesTests.Example) throws {
        let filtered = try Self.summary(AnnotationTestSupport.annotator, example.text)
        #expect(filtered == (try Self.summary(Self.unfiltered, example.text)))
    }
}

/// The large lexicon categories are read as hashes: every word of the table must be found, and no other.
@Suite struct LexiconWordsTests {
    @Test(arguments: ["common", "given-name", "surname"])
    func hashesHoldEveryWordOfTheTable(_ category: String) throws {
        let database = try GazetteerDatabase(path: AnnotationTestSupport.databasePath)
        let table = try database.lexicon(category).keys
        let words = try database.lexiconWords(category)
        #expect(!table.isEmpty)
        #expect(table.allSatisfy(words.contains))
        #expect(table.map { $0 + " qx" }.allSatisfy { !words.contains($0) })
    }

    @Test func aDatabaseWithoutTheHashesReadsTheRows() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: AnnotationTestSupport.databasePath, toPath: url.path)
        try DatabaseQueue(path: url.path).write { db in
            try db.execute(sql: "DELETE FROM word_index WHERE name LIKE 'lexicon:%'")
        }
        let database = try GazetteerDatabase(path: url.path)
        let words = try database.lexiconWords("surname")
        #expect(words.count == (try database.lexicon("surname").count))
        #expect(try database.lexicon("surname").keys.allSatisfy(words.contains))
    }
}
