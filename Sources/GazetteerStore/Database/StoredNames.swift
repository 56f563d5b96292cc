/// How a place's names are stored: all of them in one `place_name` row, a blob of records in the order of
/// their numbers (`seq`), so that a name costs its text and a few bytes, not a row of eight columns with its
/// place's id (at 1 M synthetic places 31 bytes a name before, 19 after, page space included).
///
/// A record, lengths and numbers in LEB128: the gap to its number (0 when it follows the one before: a
/// curated build removes some names), a byte of flags (bits 0–2 the kind's number, bit 3 a search key follows,
/// bit 4 a citation, bit 5 a language), the source's label number, then the name, and the language, search key
/// (stored only when not the name ASCII-lowercased, ``StoredSearchKey``) and citation present, each as its
/// length and UTF-8 bytes.
package enum StoredNames {
    /// One stored name, as the table holds it.
    package struct Record: Equatable, Sendable {
        package var seq: Int
        package var name: String
        package var language: String
        /// The number of the kind (``KeyEntry/code(of:)``).
        package var kind: UInt8
        /// The source's number in the `label` table.
        package var source: Int64
        package var citation: String?
        /// As ``StoredSearchKey`` stores it: nil when it is the name ASCII-lowercased.
        package var searchKey: String?
    }

    /// Appends a record to a place's blob; `previousSeq` is the number of the record before (nil for the first).
    package static func append(_ record: Record, after previousSeq: Int?, to blob: inout [UInt8]) {
        func varint(_ value: Int) { PackedBytes.appendVarint(UInt64(max(0, value)), to: &blob) }
        func text(_ value: String) {
            varint(value.utf8.count)
            blob.append(contentsOf: value.utf8)
        }
        varint(record.seq - (previousSeq.map { $0 + 1 } ?? 0))
        blob.append(record.kind & 7 | (record.searchKey == nil ? 0 : 8) | (record.citation == nil ? 0 : 16)
                    | (record.language.isEmpty ? 0 : 32))
        varint(Int(record.source))
        text(record.name)
        if !record.language.isEmpty { text(record.language) }
        if let searchKey = record.searchKey { text(searchKey) }
        if let citation = record.citation { text(citation) }
    }

    /// Where a record's parts lie in its blob: its texts are made only for the record asked for.
    private struct Span {
        var seq: Int
        var flags: UInt8
        var source: Int64
        var name: Range<Int>
        var language: Range<Int>?
        var searchKey: Range<Int>?
        var citation: Range<Int>?
    }

    /// Calls `body` with each record's span until it returns false. A blob cut short (a damaged file) ends at
    /// the last whole record.
    private static func forEachSpan(in bytes: UnsafeRawBufferPointer, _ body: (Span) -> Bool) {
        var reader = PackedBytes.Reader(bytes)
        func text() -> Range<Int>? { reader.varint().flatMap { $0 <= UInt64(Int.max) ? reader.skip(Int($0)) : nil } }
        func optionalText(_ present: Bool) -> Range<Int>?? { present ? text().map { $0 } : .some(nil) }
        var seq = 0
        while !reader.isAtEnd {
            guard let gap = reader.varint(), gap < UInt64(Int32.max), let flags = reader.load(UInt8.self),
                  let source = reader.varint(), let name = text(), let language = optionalText(flags & 32 != 0),
                  let searchKey = optionalText(flags & 8 != 0), let citation = optionalText(flags & 16 != 0)
            else { return }
            let span = Span(seq: seq + Int(gap), flags: flags, source: Int64(truncatingIfNeeded: source), name: name,
                            language: language, searchKey: searchKey, citation: citation)
            guard body(span) else { return }
            seq = span.seq + 1
        }
    }

    private static func record(_ span: Span, in bytes: UnsafeRawBufferPointer) -> Record {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        return Record(seq: span.seq, name: text(span.name), language: span.language.map(text) ?? "",
                      kind: span.flags & 7, source: span.source, citation: span.citation.map(text),
                      searchKey: span.searchKey.map(text))
    }

    /// Every record of a blob.
    package static func records(in bytes: UnsafeRawBufferPointer) -> [Record] {
        var records: [Record] = []
        forEachSpan(in: bytes) { records.append(record($0, in: bytes)); return true }
        return records
    }

    /// The record numbered `seq` in a blob, or nil.
    package static func record(seq: Int, in bytes: UnsafeRawBufferPointer) -> Record? {
        var found: Record?
        forEachSpan(in: bytes) { span in
            if span.seq == seq { found = record(span, in: bytes) }
            return span.seq < seq
        }
        return found
    }
}
