import Foundation
import SystemICU

/// One of ICU's script transforms (`hy-hy_Latn/BGN`, `ru-ru_Latn/BGN`, `ka-ka_Latn/BGN` …) applied without ICU,
/// read from a table ICU itself made (`Gazetteer/rules/transforms/`, by `Scripts/refresh-key-table`).
///
/// The transforms' rules look at neighbouring letters (Russian е is ye at the start of a word and after a
/// vowel, e after a consonant; Armenian ու is u, ո alone vo at the start of a word), so the table cannot be a
/// letter-by-letter map. It records instead:
/// - the **letters** the transform reads, and the **boundaries**: characters it leaves as they are and that act
///   as the edge of the text for the letters around them (space, hyphen, ASCII punctuation);
/// - every **piece**: a run of up to ``maxPieceLength`` letters in which each adjacent pair is *joined*, and
///   what ICU makes of that run alone. A pair x y is joined when some neighbour a, b (a letter or the edge)
///   makes ICU's output of `a x y b` differ from that of `a x` followed by that of `y b`; every other pair is
///   a cut, where the output of the two sides can be computed apart.
///
/// A run of letters is cut between every pair that is not joined, and each piece's output is looked up; text
/// with any other character, or a longer chain of joined letters, is left to ICU (``apply(_:)`` returns nil).
/// The table is used only under the ICU version it was made with, and property tests compare it with ICU on
/// random letters of each script and on real names.
struct TransformTable: Sendable {
    /// The folder inside the rules folder.
    static let directoryName = "transforms"
    /// Longer chains of joined letters go to ICU; four letters cover every chain of real names seen.
    static let maxPieceLength = 4

    /// The ICU transform ID the table stands for.
    let id: String
    /// For each UTF-16 unit below its count: 0 for a character the table does not know, 1 for a boundary,
    /// 2 + the letter's index for a letter.
    private let classes: [UInt8]
    private let letterCount: Int
    /// Whether letters x and y must be transliterated together, at `x * letterCount + y`.
    private let joined: [Bool]
    /// Where each piece's output is in `pool`, by the piece's key: its letters' indices + 1, a byte
    /// each, the first letter lowest.
    private let pieces: [UInt32: Range<Int>]
    private let pool: [UInt16]

    /// - Parameters:
    ///   - pieces: where each piece's output is in `pool`, by its key.
    private init(id: String, letters: [UInt16], boundaries: [UInt16], pieces: [UInt32: Range<Int>], pool: [UInt16]) {
        self.id = id
        var classes = [UInt8](repeating: 0, count: Int((letters + boundaries).max() ?? 0) + 1)
        for boundary in boundaries { classes[Int(boundary)] = 1 }
        for (index, letter) in letters.enumerated() { classes[Int(letter)] = UInt8(index + 2) }
        self.classes = classes
        letterCount = letters.count
        var joined = [Bool](repeating: false, count: letters.count * letters.count)
        for var key in pieces.keys {
            // Each byte is a letter's index + 1: every adjacent pair of a piece is joined.
            while key > 0xFF {
                joined[(Int(key & 0xFF) - 1) * letters.count + Int((key >> 8) & 0xFF) - 1] = true
                key >>= 8
            }
        }
        self.joined = joined
        self.pieces = pieces
        self.pool = pool
    }

    /// The transform's output for `units`; nil when the text has a character the table does not know or a
    /// chain of joined letters longer than a piece, which ICU must transliterate.
    func apply(_ units: [UInt16]) -> [UInt16]? {
        var output: [UInt16] = []
        output.reserveCapacity(units.count * 2)
        var key: UInt32 = 0
        var length = 0
        var last = 0
        let complete = classes.withUnsafeBufferPointer { classes in
            pool.withUnsafeBufferPointer { pool in
                joined.withUnsafeBufferPointer { joined in
                    func flush() -> Bool {
                        guard length > 0 else { return true }
                        guard let range = pieces[key] else { return false }
                        output.append(contentsOf: pool[range])
                        key = 0
                        length = 0
                        return true
                    }
                    for unit in units {
                        let kind = Int(unit) < classes.count ? classes[Int(unit)] : 0
                        if kind == 0 { return false }
                        if kind == 1 {
                            guard flush() else { return false }
                            output.append(unit)
                            continue
                        }
                        let letter = Int(kind) - 2
                        if length > 0, !joined[last * letterCount + letter] {
                            guard flush() else { return false }
                        }
                        if length == Self.maxPieceLength { return false }
                        key |= UInt32(letter + 1) << (8 * length)
                        length += 1
                        last = letter
                    }
                    return flush()
                }
            }
        }
        return complete ? output : nil
    }

    // MARK: The file

    /// The file name of transform `id` inside ``directoryName`` ("hy-hy_Latn/BGN" → "hy-hy_Latn-BGN.tsv").
    static func fileName(id: String) -> String {
        id.replacingOccurrences(of: "/", with: "-") + ".tsv"
    }

    /// Keys of the rows that are not pieces.
    private static let transformKey = "transform"
    private static let boundariesKey = "boundaries"

    /// Reads the table of `id` at `path`; nil when there is none, or when it was made by another ICU or for
    /// another transform. Read byte by byte into the table's own arrays: a Russian name in a fresh process
    /// waits for it, and a `String` or array per row cost more than the rest of resolving the name.
    /// - Throws: ``RuleError`` for a row that is not a piece of known letters and its output.
    static func load(id: String, path: String) throws(RuleError) -> TransformTable? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var made: [String: String] = [:]
        var letters: [UInt16] = []
        var rows: [(line: Int, cells: Range<Int>, tab: Int)] = []
        var units: [UInt16] = []
        try GeneratedTableRows.forEach(in: bytes, path: path) { (line, start, tab, end) throws(RuleError) in
            if bytes[start] < 0x80 {
                made[String(decoding: bytes[start..<tab], as: UTF8.self)] = String(decoding: bytes[tab + 1..<end],
                                                                                   as: UTF8.self)
                return
            }
            rows.append((line, start..<end, tab))
            units.removeAll(keepingCapacity: true)
            guard appendUTF16(bytes[start..<tab], to: &units) else {
                throw RuleError(file: path, line: line, reason: "the piece is not valid UTF-8")
            }
            // Letters first (rows of one character): pieces may name letters listed after them.
            if units.count == 1, !letters.contains(units[0]) { letters.append(units[0]) }
        }
        guard made[transformKey] == id, made[SearchKeyTable.icuVersionKey] == systemICUVersion else { return nil }
        var index = [UInt8](repeating: 0, count: Int(letters.max() ?? 0) + 1)
        for (position, letter) in letters.enumerated() { index[Int(letter)] = UInt8(truncatingIfNeeded: position + 1) }
        guard letters.count < 255 else { throw RuleError(file: path, reason: "more than 254 letters") }
        var pieces: [UInt32: Range<Int>] = Dictionary(minimumCapacity: rows.count)
        var pool: [UInt16] = []
        pool.reserveCapacity(rows.count * 8)
        for row in rows {
            units.removeAll(keepingCapacity: true)
            _ = appendUTF16(bytes[row.cells.lowerBound..<row.tab], to: &units)
            var key: UInt32 = 0
            for (position, unit) in units.enumerated() {
                let letter = Int(unit) < index.count ? index[Int(unit)] : 0
                guard letter != 0, position < maxPieceLength else {
                    throw RuleError(file: path, line: row.line,
                                    reason: "a piece must be up to \(maxPieceLength) letters, each with a row of its own")
                }
                key |= UInt32(letter) << (8 * position)
            }
            let outputStart = pool.count
            guard appendUTF16(bytes[row.tab + 1..<row.cells.upperBound], to: &pool) else {
                throw RuleError(file: path, line: row.line, reason: "the output is not valid UTF-8")
            }
            pieces[key] = outputStart..<pool.count
        }
        var boundaries: [UInt16] = []
        for code in (made[boundariesKey] ?? "").split(separator: " ") {
            guard let unit = UInt16(code, radix: 16) else {
                throw RuleError(file: path, reason: "boundaries must be 4-digit hex code points, not '\(code)'")
            }
            boundaries.append(unit)
        }
        return TransformTable(id: id, letters: letters, boundaries: boundaries, pieces: pieces, pool: pool)
    }

    /// Appends the UTF-16 units of UTF-8 `bytes` to `units`; false when the bytes are not UTF-8.
    private static func appendUTF16(_ bytes: ArraySlice<UInt8>, to units: inout [UInt16]) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex else { return false }
            var scalar = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            // Written out rather than through `Unicode.Scalar.utf16`, which cost 87 instructions a letter of
            // the Russian table's 2,617 rows at start-up.
            if scalar < 0x1_0000 {
                guard scalar & 0xF800 != 0xD800 else { return false }
                units.append(UInt16(scalar))
            } else {
                guard scalar <= 0x10_FFFF else { return false }
                units.append(UInt16(0xD800 + (scalar - 0x1_0000) >> 10))
                units.append(UInt16(0xDC00 + (scalar - 0x1_0000) & 0x3FF))
            }
            index += length
        }
        return true
    }

    /// Tables with more rows are not made: a transform that reads that many letters together (Turkmen's)
    /// is left to ICU rather than shipping tens of thousands of rows for a rare alphabet.
    static let maxRows = 4096

    /// The table's text for `transform`, which transliterates letters of `script`: made by asking ICU; nil
    /// when it would have more than ``maxRows`` rows.
    static func generate(transform: Transliterator, script: Script) -> String? {
        let apply = { (text: [UInt16]) -> [UInt16] in
            var units = text
            transform.transliterate(&units)
            return units
        }
        // Letters of the script in the Basic Multilingual Plane that case folding keeps (names reach the
        // transform case-folded).
        let candidates: [UInt16] = (UInt16(0x80)..<0xD800).filter { unit in
            let scalar = Unicode.Scalar(unit)!
            return Script.of(scalar) == script && scalar.properties.isAlphabetic
                && UnicodeNormalizer.nfkcCasefold(String(scalar)) == String(scalar)
        }
        // The letters: those the transform rewrites, and those it rewrites beside one of them (Armenian ւ
        // alone stays, but ու is u).
        var letters = candidates.filter { apply([$0]) != [$0] }
        let rewritten = letters
        for unit in candidates where !rewritten.contains(unit) {
            if rewritten.contains(where: { apply([$0, unit]).contains(unit) == false
                || apply([unit, $0]).contains(unit) == false }) {
                letters.append(unit)
            }
        }
        let edges: [[UInt16]] = [[]] + letters.map { [$0] }
        // Boundaries: characters left alone that the letters on either side see as the edge of the text.
        let others = (UInt16(0x20)...0x7E).map { $0 } + (UInt16(0x2010)...0x205E).map { $0 }
            + candidates.filter { !letters.contains($0) }
        let boundaries = others.filter { unit in
            edges.allSatisfy { before in
                edges.allSatisfy { after in
                    apply(before + [unit] + after) == apply(before) + [unit] + apply(after)
                }
            }
        }
        // Joined pairs: some neighbour makes the two sides' outputs differ from their output together. Each
        // side's output is computed once per neighbour.
        let left = letters.map { letter in edges.map { apply($0 + [letter]) } }
        let right = letters.map { letter in edges.map { apply([letter] + $0) } }
        var joined = [[Bool]](repeating: [Bool](repeating: false, count: letters.count), count: letters.count)
        for x in letters.indices {
            for y in letters.indices {
                joined[x][y] = !edges.indices.allSatisfy { before in
                    edges.indices.allSatisfy { after in
                        apply(edges[before] + [letters[x], letters[y]] + edges[after]) == left[x][before] + right[y][after]
                    }
                }
            }
        }
        // Every chain of joined letters up to the longest piece, with its output. A letter in a chain whose
        // output has a tab or line break (which a row cannot hold) is left out, and so left to ICU.
        var pieces: [(piece: [Int], output: String)] = []
        func chains(_ piece: [Int]) {
            pieces.append((piece, UTF16Text.string(apply(piece.map { letters[$0] }))))
            guard piece.count < maxPieceLength else { return }
            for next in letters.indices where joined[piece.last!][next] { chains(piece + [next]) }
        }
        for letter in letters.indices { chains([letter]) }
        guard pieces.count <= maxRows else { return nil }
        let unwritable = Set(pieces.filter { $0.output.contains { $0 == "\t" || $0.isNewline } }.flatMap(\.piece))
        var lines = ["# Generated by Scripts/refresh-key-table from ICU's transform \(transform.id): do not edit.",
                     "# Each letter the transform reads, and each chain of up to \(maxPieceLength) letters it reads",
                     "# together, with ICU's output for it; text is cut between other letters and at the",
                     "# boundaries. Used only under the ICU version below (see TransformTable.swift).",
                     "\(transformKey)\t\(transform.id)",
                     "\(SearchKeyTable.icuVersionKey)\t\(systemICUVersion)",
                     "\(boundariesKey)\t" + boundaries.map { String($0, radix: 16, uppercase: true).leftPadded(to: 4) }
                        .joined(separator: " ")]
        for (piece, output) in pieces where unwritable.isDisjoint(with: piece) {
            lines.append(UTF16Text.string(piece.map { letters[$0] }) + "\t" + output)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
