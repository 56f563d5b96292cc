import Normalization

/// Writes JSON text into a byte buffer, field by field, in the order given.
///
/// Output contracts name their fields in a fixed order (`input`, `display`, `script` …) and annotation
/// writes megabytes a second, so this writer appends escaped UTF-8 directly instead of going through
/// `JSONEncoder` and a dictionary.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.key("name"); json.string("Jermuk")
/// json.key("lat"); json.number(39.84)
/// json.endObject()
/// String(decoding: json.bytes, as: UTF8.self)  // {"name":"Jermuk","lat":39.84}
/// ```
package struct JSONWriter: Sendable {
    /// The JSON text written so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false
    /// Where the fields of places already written are kept, by place id, to be copied rather than written
    /// again; nil writes every place afresh. See ``remembered(_:in:write:)``.
    package var placeMemo: Memo<String, [UInt8]>?

    public init() {}

    /// The text written so far, removed from the writer, which carries on where it was (inside an array,
    /// after a value): for streaming a long output in pieces.
    package mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    /// Removes the text written so far, keeping the buffer's capacity.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key; the next value written is its value. Keys are literals, so they need no escaping.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Two appends: an array literal here would be allocated for every key written.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// A string, or `null` when nil.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func number(_ value: Int) {
        separate()
        appendDigits(value)
        needsComma = true
    }

    /// The decimal digits of `value`, without a `String` in between.
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A finite number in its shortest round-trip form; non-finite values, which JSON cannot hold, as null.
    package mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        if value == value.rounded(), abs(value) < 1e15 {
            appendDigits(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// Raw bytes, e.g. a newline between NDJSON records. Resets the separator state.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        needsComma = false
    }

    /// The fields `write` writes (an object's members, without its braces), copied from `memo` when they were
    /// written for `key` before. Annotation names the same places over and over (LGL: 16,576 places written,
    /// 3,516 distinct), and writing a place's fields costs some 13,000 instructions where copying costs a few
    /// hundred. The fields must depend on `key` alone.
    package mutating func remembered(_ key: String, in memo: Memo<String, [UInt8]>?, write: (inout JSONWriter) -> Void) {
        guard let memo else { return write(&self) }
        separate()
        needsComma = false
        if let fields = memo.remembered(for: key) {
            bytes.append(contentsOf: fields)
        } else {
            let start = bytes.count
            write(&self)
            let fields = Array(bytes[start...])
            _ = memo.value(for: key) { fields }
        }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escaping: copy them whole.
            var start = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    appendEscaped(byte)
                    start = index + 1
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case 0x0A:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "n"))
        case 0x0D:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "r"))
        case 0x09:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"),
                                      UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        }
    }
}
