import CZlib
import Foundation

/// zlib's CRC-32 of a file, computed as it streams past: the checksum each database records for every
/// input in its `source` table, so that `gazetteer stats` tells which version of a file built it.
///
/// Why not SHA-256: the checksum detects change, it does not defend against forgery (the database and its
/// inputs sit side by side on one machine, and nothing trusts one because of the other). CRC-32 is what
/// gzip and zip use for the same job, zlib is already linked to read `.gz` tables, and it keeps a crypto
/// package (half the build steps of a consumer of this library) out of the dependency graph. Python's
/// `zlib.crc32` gives the same value, to check a file by hand.
struct CRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { return }
        var offset = 0
        // zlib takes a 32-bit length; chunks are 1 MB, but a caller may pass more.
        while offset < raw.count {
            let length = min(raw.count - offset, Int(UInt32.max))
            value = UInt32(crc32(uLong(value), base + offset, uInt(length)))
            offset += length
        }
    }

    /// Eight lower-case hex digits, as `python3 -c 'import zlib; print(f"{zlib.crc32(data):08x}")'` prints.
    var hex: String { String(format: "%08x", value) }
}
