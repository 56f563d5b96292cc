/// Conversions between Swift strings and the UTF-16 buffers ICU reads and writes.
///
/// Native Swift strings are UTF-8 and offer no contiguous UTF-16 view, so every ICU call pays one copy in
/// and one copy out. `String(decoding:as:)` costs several times more than encoding UTF-8 by hand, which
/// matters for keys computed a few hundred nanoseconds at a time.
import CICU

package enum UTF16Text {
    /// The UTF-16 code units of `text`.
    @inlinable
    public static func units(_ text: String) -> [UInt16] {
        // Transcoding the UTF-8 bytes by hand costs a fraction of the UTF-16 view's iterator (for an English
        // article with one curly quote, 54 instructions a byte through the view, 13 by hand). A native string's
        // UTF-8 is valid, so no byte needs checking; UTF-16 never takes more units than UTF-8 takes bytes.
        let transcoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt16] in
            // Names are mostly ASCII: widening them whole is cheaper still.
            if !bytes.contains(where: { $0 >= 0x80 }) { return bytes.map(UInt16.init) }
            return [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
                var read = 0
                var write = 0
                while read < bytes.count {
                    let lead = UInt32(bytes[read])
                    if lead < 0x80 {
                        units[write] = UInt16(lead)
                        read += 1
                        write += 1
                        continue
                    }
                    let scalar: UInt32
                    if lead < 0xE0 {
                        scalar = (lead & 0x1F) << 6 | UInt32(bytes[read + 1] & 0x3F)
                        read += 2
                    } else if lead < 0xF0 {
                        scalar = (lead & 0x0F) << 12 | UInt32(bytes[read + 1] & 0x3F) << 6 | UInt32(bytes[read + 2] & 0x3F)
                        read += 3
                    } else {
                        scalar = (lead & 0x07) << 18 | UInt32(bytes[read + 1] & 0x3F) << 12
                            | UInt32(bytes[read + 2] & 0x3F) << 6 | UInt32(bytes[read + 3] & 0x3F)
                        read += 4
                    }
                    if scalar < 0x10000 {
                        units[write] = UInt16(scalar)
                        write += 1
                    } else {
                        units[write] = UInt16(0xD800 + ((scalar - 0x10000) >> 10))
                        units[write + 1] = UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF))
                        write += 2
                    }
                }
                count = write
            }
        }
        return transcoded ?? Array(text.utf16)
    }

    /// A string from UTF-16 code units; unpaired surrogates become U+FFFD.
    public static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        let count = units.count
        if count == 0 { return "" }
        var utf8Count = 0
        var isASCII = true
        var index = 0
        while index < count {
            let unit = units[index]
            if unit < 0x80 {
                utf8Count += 1
            } else {
                isASCII = false
                if unit < 0x800 {
                    utf8Count += 2
                } else if unit & 0xFC00 == 0xD800, index + 1 < count, units[index + 1] & 0xFC00 == 0xDC00 {
                    utf8Count += 4
                    index += 1
                } else {
                    utf8Count += 3
                }
            }
            index += 1
        }
        return String(unsafeUninitializedCapacity: utf8Count) { bytes in
            if isASCII {
                for i in 0..<count { bytes[i] = UInt8(truncatingIfNeeded: units[i]) }
                return count
            }
            var out = 0
            var i = 0
            while i < count {
                var scalar = UInt32(units[i])
                if scalar & 0xFC00 == 0xD800, i + 1 < count, units[i + 1] & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    i += 1
                } else if scalar & 0xF800 == 0xD800 {
                    scalar = 0xFFFD
                }
                i += 1
                switch scalar {
                case ..<0x80:
                    bytes[out] = UInt8(scalar)
                    out += 1
                case ..<0x800:
                    bytes[out] = UInt8(0xC0 | (scalar >> 6))
                    bytes[out + 1] = UInt8(0x80 | (scalar & 0x3F))
                    out += 2
                case ..<0x10000:
                    bytes[out] = UInt8(0xE0 | (scalar >> 12))
                    bytes[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    bytes[out + 2] = UInt8(0x80 | (scalar & 0x3F))
                    out += 3
                default:
                    bytes[out] = UInt8(0xF0 | (scalar >> 18))
                    bytes[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    bytes[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    bytes[out + 3] = UInt8(0x80 | (scalar & 0x3F))
                    out += 4
                }
            }
            return out
        }
    }

    /// A string from UTF-16 code units; unpaired surrogates become U+FFFD.
    public static func string(_ units: [UInt16]) -> String {
        units.withUnsafeBufferPointer { string($0) }
    }

    /// Replaces unpaired surrogates with U+FFFD in place. Some ICU transforms emit half of a surrogate
    /// pair in rare contexts (a supplementary character before a kana iteration mark); later stages must
    /// see a character, not half of one.
    package static func replaceUnpairedSurrogates(_ units: inout [UInt16]) {
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit & 0xF800 == 0xD800 {
                if unit & 0xFC00 == 0xD800, index + 1 < units.count, units[index + 1] & 0xFC00 == 0xDC00 {
                    index += 2
                    continue
                }
                units[index] = 0xFFFD
            }
            index += 1
        }
    }

    /// Calls an ICU function that writes UTF-16 into a caller's buffer, growing the buffer once if ICU
    /// reports it too small. `body` gets the buffer, its capacity and the status, and returns the length
    /// ICU needs. Nil when ICU reports any other failure.
    static func fromICU(capacity: Int,
                        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout gz_status) -> Int32) -> [UInt16]? {
        var capacity = max(capacity, 1)
        while true {
            var status = U_ZERO_ERROR
            var required: Int32 = 0
            let output = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                required = body(buffer.baseAddress!, Int32(capacity), &status)
                initialized = gz_failure(status) ? 0 : Int(required)
            }
            if status == U_BUFFER_OVERFLOW_ERROR, Int(required) >= capacity {
                capacity = Int(required) + 8
                continue
            }
            return gz_failure(status) ? nil : output
        }
    }
}
