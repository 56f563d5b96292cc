/// Writes JSON records the way the output contracts ask: one record alone as an object, several as an
/// array, streaming all but the first (which waits to learn whether a second follows).
struct JSONValueSequence {
    private var first: [UInt8]?
    private var count = 0

    mutating func append(_ record: [UInt8], to output: StandardOutput) {
        count += 1
        switch count {
        case 1:
            first = record
        case 2:
            output.write(Array("[".utf8))
            output.write(first ?? [])
            output.write(Array(",".utf8))
            output.write(record)
            first = nil
        default:
            output.write(Array(",".utf8))
            output.write(record)
        }
    }

    /// Ends the sequence; `expectsMany` writes an array even for one record.
    mutating func finish(to output: StandardOutput, expectsMany: Bool = false) {
        switch count {
        case 0:
            output.write("[]\n")
        case 1:
            if expectsMany { output.write("[") }
            output.write(first ?? [])
            output.write(expectsMany ? "]\n" : "\n")
        default:
            output.write("]\n")
        }
    }
}
