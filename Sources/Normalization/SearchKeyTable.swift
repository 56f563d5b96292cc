import Foundation
import SystemICU

/// `search-key.txt` applied without ICU to text of Latin letters, digits, punctuation and combining marks:
/// what ICU makes of each such character alone, and of the few adjacent pairs it treats otherwise than
/// the two characters apart (`c’` → `ts`), read from `search-key-table.tsv`.
///
/// The table is generated from the rules by ICU itself (`Scripts/refresh-key-table`), never written by
/// hand, and records the fingerprint of the rule text and the ICU version it was made from: when either
/// differs, it is not used and every key goes through ICU. A test regenerates it and compares, and a
/// property test checks it against ICU on random text.
struct SearchKeyTable: Sendable {
    /// The file name inside the rules folder.
    static let fileName = "search-key-table.tsv"

    /// Characters below this code point can be in the table (the Latin, IPA, combining, Latin Extended
    /// Additional and General Punctuation blocks end below it).
    private static let limit = 0x2070
    /// Where each character's output is in `pool` (offset << 5 | 16 if it starts a pair | length);
    /// `absent` for characters not in the table, which the caller leaves to ICU.
    private let slots: [UInt32]
    private let pool: [UInt8]
    /// Outputs of the pairs that differ from their characters' outputs joined, by `first << 16 | second`.
    private let pairs: [UInt32: [UInt8]]
    private static let absent = UInt32.max
    private static let startsPair: UInt32 = 16

    /// The fingerprints the table was generated under, keyed by rule file name, and the ICU version.
    let fingerprints: [String: String]

    /// The characters the generator tries: Basic Latin, Latin-1, Latin Extended-A and -B, IPA, spacing
    /// modifiers (ʻ ʼ ʹ), combining marks, Latin Extended Additional and General Punctuation (’ ‘ ′).
    static let candidateRanges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x36F, 0x1E00...0x1EFF, 0x2010...0x205E]

    /// Keys of the rows that are not characters.
    static let icuVersionKey = "icu"

    init(singles: [(UInt16, [UInt8])], pairs: [UInt32: [UInt8]], fingerprints: [String: String]) {
        var slots = [UInt32](repeating: Self.absent, count: Self.limit)
        var pool: [UInt8] = []
        for (unit, output) in singles where Int(unit) < Self.limit && output.count < 16 {
            slots[Int(unit)] = UInt32(pool.count) << 5 | UInt32(output.count)
            pool += output
        }
        for key in pairs.keys where slots[Int(key >> 16)] != Self.absent {
            slots[Int(key >> 16)] |= Self.startsPair
        }
        self.slots = slots
        self.pool = pool
        self.pairs = pairs
        self.fingerprints = fingerprints
    }

    /// Reads the table at `path`; nil when there is none. Read byte by byte rather than as a ``RuleTable``,
    /// since it is read at every start-up and that parser cost a millisecond here.
    /// - Throws: ``RuleError`` for a row that is not a code point (or pair), a tab and an ASCII output.
    static func load(path: String) throws(RuleError) -> SearchKeyTable? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var singles: [(UInt16, [UInt8])] = []
        var pairs: [UInt32: [UInt8]] = [:]
        var fingerprints: [String: String] = [:]
        try GeneratedTableRows.forEach(in: bytes, path: path) { (line, start, tab, end) throws(RuleError) in
            let output = Array(bytes[tab + 1..<end])
            var units: [UInt16] = []
            var value: UInt32 = 0
            var digits = 0
            for byte in bytes[start...tab] {
                if let digit = hexDigit(byte) {
                    value = value << 4 | digit
                    digits += 1
                } else if (byte == 0x20 || byte == 0x09) && digits == 4 {
                    units.append(UInt16(value))
                    value = 0
                    digits = 0
                } else {
                    units = []
                    break
                }
            }
            guard !units.isEmpty, units.count <= 2, output.allSatisfy({ $0 < 0x80 }) else {
                let name = String(decoding: bytes[start..<tab], as: UTF8.self)
                guard name.contains(where: { !$0.isHexDigit }) else {
                    throw RuleError(file: path, line: line, reason: "expected one or two 4-digit code points and ASCII output")
                }
                fingerprints[name] = String(decoding: output, as: UTF8.self)
                return
            }
            if units.count == 1 {
                singles.append((units[0], output))
            } else {
                pairs[UInt32(units[0]) << 16 | UInt32(units[1])] = output
            }
        }
        return SearchKeyTable(singles: singles, pairs: pairs, fingerprints: fingerprints)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The search-key rules' output for `units` (case-folded text, as the rules see it); nil when a
    /// character is not in the table.
    func apply(_ units: [UInt16]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(units.count + 4)
        let handled = slots.withUnsafeBufferPointer { slots in
            pool.withUnsafeBufferPointer { pool in
                var index = 0
                while index < units.count {
                    let unit = units[index]
                    guard Int(unit) < Self.limit else { return false }
                    let slot = slots[Int(unit)]
                    guard slot != Self.absent else { return false }
                    if slot & Self.startsPair != 0, index + 1 < units.count,
                       let pair = pairs[UInt32(unit) << 16 | UInt32(units[index + 1])] {
                        output += pair
                        index += 2
                        continue
                    }
                    let start = Int(slot >> 5)
                    for offset in start..<start + Int(slot & 15) { output.append(pool[offset]) }
                    index += 1
                }
                return true
            }
        }
        return handled ? output : nil
    }

    /// The table's text for the rules `transform` compiles: every candidate character that keeps its form
    /// under NFKC_Casefold, is Latin or shared by all scripts, and comes out as ASCII, then every pair of
    /// those that ICU does not treat as its two characters apart.
    static func generate(transform: Transliterator, fingerprints: [(file: String, fingerprint: String)]) -> String {
        var singles: [(unit: UInt16, text: String, output: String)] = []
        for range in candidateRanges {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                let text = String(scalar)
                if value != 0x20, scalar.properties.isWhitespace { continue }
                guard UnicodeNormalizer.nfkcCasefold(text) == text,
                      [.latin, .common, .inherited].contains(Script.of(scalar)) else { continue }
                let output = transform(text)
                guard output.utf8.allSatisfy({ $0 < 0x80 }), output.utf8.count < 16 else { continue }
                singles.append((UInt16(value), text, output))
            }
        }
        var lines = ["# Generated by Scripts/refresh-key-table from search-key.txt: do not edit.",
                     "# What the search-key rules make of each Latin, common or combining character alone (hex code",
                     "# point, tab, output), then of the pairs they treat otherwise than the two characters apart.",
                     "# The keys use this table only while the fingerprints below match the rules and ICU in use."]
        lines += fingerprints.map { "\($0.file)\t\($0.fingerprint)" }
        lines.append("\(icuVersionKey)\t\(systemICUVersion)")
        let hex = { (unit: UInt16) in String(unit, radix: 16, uppercase: true).leftPadded(to: 4) }
        var pairs: [String] = []
        var leftToICU: Set<UInt16> = []
        for first in singles {
            for second in singles {
                let output = transform(first.text + second.text)
                guard output != first.output + second.output else { continue }
                // A pair ICU keys as non-ASCII cannot be a row: its first character is left to ICU.
                guard output.utf8.allSatisfy({ $0 < 0x80 }) else {
                    leftToICU.insert(first.unit)
                    continue
                }
                pairs.append("\(hex(first.unit)) \(hex(second.unit))\t\(output)")
            }
        }
        lines += singles.filter { !leftToICU.contains($0.unit) }.map { "\(hex($0.unit))\t\($0.output)" }
        lines += pairs.filter { !leftToICU.contains(UInt16($0.prefix(4), radix: 16)!) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Hex code points in the generated tables are four digits.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
