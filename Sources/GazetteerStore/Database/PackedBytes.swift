/// The fields of the packed records that key index rows (``KeyEntry``) and `place_name` rows (``StoredNames``)
/// hold: LEB128 numbers (seven bits a byte, low bits first), fixed-width little-endian numbers, and byte runs.
enum PackedBytes {
    static func appendVarint(_ value: UInt64, to buffer: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        buffer.append(UInt8(rest))
    }

    static func append<T: FixedWidthInteger>(_ value: T, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Reads a record's fields in order. Every read past the end answers nil, so that a row cut short (a
    /// damaged file) stops its decoder instead of reading beyond it.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var isAtEnd: Bool { offset >= bytes.count }

        @inline(__always)
        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        @inline(__always)
        mutating func load<T: FixedWidthInteger>(_ type: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        /// The next `count` bytes' place in the record.
        mutating func skip(_ count: Int) -> Range<Int>? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return offset..<offset + count
        }
    }
}
