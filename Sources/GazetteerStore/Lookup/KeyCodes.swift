/// The short codes (countries, feature codes, language tags, admin1 codes) of a database's ``KeyEntry``
/// records, numbered: an entry stores a number of one to three bytes instead of eight packed bytes for each,
/// and the database's `key_code` table maps the numbers back. A full GeoNames store has a few thousand distinct codes.
public struct KeyCodes: Sendable {
    /// Packed ASCII values (``PackedASCII``) by number; number 0 is the empty code.
    let values: [UInt64]

    init(values: [UInt64]) {
        self.values = values.isEmpty ? [0] : values
    }

    /// The packed value of code `number` (0 for a number the table lacks, as for an empty code).
    @inline(__always)
    func value(_ number: UInt16) -> UInt64 {
        Int(number) < values.count ? values[Int(number)] : 0
    }

    /// More distinct codes than two bytes number.
    struct Overflow: Error {}

    /// Numbers codes as a build meets them.
    struct Builder {
        private(set) var values: [UInt64] = [0]
        private var numbers: [UInt64: UInt16] = [0: 0]

        mutating func code(_ value: UInt64) throws(Overflow) -> UInt16 {
            if let number = numbers[value] { return number }
            guard values.count <= Int(UInt16.max) else { throw Overflow() }
            let number = UInt16(values.count)
            numbers[value] = number
            values.append(value)
            return number
        }
    }
}
