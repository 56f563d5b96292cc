import GazetteerInternals

/// Streams records into the envelope every JSON output shares (`{"attribution": …, "<items>": [R…]}`), so
/// that the shape never depends on how many inputs there are.
struct JSONEnvelope {
    private let output: StandardOutput
    private var count = 0

    init(items: StaticString, output: StandardOutput) {
        self.output = output
        var json = JSONWriter()
        json.beginEnvelope(items: items)
        output.write(json.bytes)
    }

    /// Appends one record, already written as JSON.
    mutating func append(_ record: [UInt8]) {
        if count > 0 { output.write(Array(",".utf8)) }
        output.write(record)
        count += 1
    }

    func finish() {
        output.write("]}\n")
    }
}
