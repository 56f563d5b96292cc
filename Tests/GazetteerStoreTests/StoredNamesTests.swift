import Testing
@testable import GazetteerStore

/// A place's names in one blob: every field and number must read back, and a damaged blob must stop, not
/// read past its end.
@Suite struct StoredNamesTests {
    static let records = [
        StoredNames.Record(seq: 0, name: "Jermuk", language: "", kind: 0, source: 0, citation: nil, searchKey: nil),
        StoredNames.Record(seq: 1, name: "Ջերմուկ", language: "hy", kind: 2, source: 0, citation: nil,
                           searchKey: "jermuk"),
        // A gap in the numbers (a curated build removed names 2–4), a citation, a large source number.
        StoredNames.Record(seq: 5, name: "Istisu", language: "az", kind: 4, source: 300,
                           citation: "https://example.org/istisu", searchKey: nil),
        StoredNames.Record(seq: 6, name: String(repeating: "x", count: 200), language: "", kind: 6, source: 1,
                           citation: "", searchKey: ""),
    ]

    static func blob(_ records: [StoredNames.Record]) -> [UInt8] {
        var blob: [UInt8] = []
        var previous: Int?
        for record in records {
            StoredNames.append(record, after: previous, to: &blob)
            previous = record.seq
        }
        return blob
    }

    @Test func everyFieldAndNumberReadsBack() {
        let blob = Self.blob(Self.records)
        #expect(blob.withUnsafeBytes { StoredNames.records(in: $0) } == Self.records)
        for record in Self.records {
            #expect(blob.withUnsafeBytes { StoredNames.record(seq: record.seq, in: $0) } == record)
        }
        for missing in [2, 3, 7, 1000] {
            #expect(blob.withUnsafeBytes { StoredNames.record(seq: missing, in: $0) } == nil)
        }
        // A name that is its search key lowercased costs its text and four bytes.
        #expect(Self.blob([Self.records[0]]).count == 4 + "Jermuk".utf8.count)
    }

    @Test func aBlobCutShortGivesTheWholeRecordsBeforeTheCut() {
        let blob = Self.blob(Self.records)
        for length in 0..<blob.count {
            let read = blob.prefix(length).withUnsafeBytes { StoredNames.records(in: $0) }
            #expect(Array(Self.records.prefix(read.count)) == read)
        }
    }
}
