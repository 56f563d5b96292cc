import Foundation
@testable import GazetteerStore
import Testing

/// The provenance checksum is zlib's CRC-32, so that anyone can check a recorded value with other tools.
@Suite struct CRC32Tests {
    @Test func givesTheStandardCheckValue() {
        var checksum = CRC32()
        checksum.update(Data("123456789".utf8))
        #expect(checksum.hex == "cbf43926", "the CRC-32 check value every implementation publishes")
    }

    @Test func streamingInChunksGivesTheWholeFilesValue() {
        let text = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var whole = CRC32()
        whole.update(text)
        var chunked = CRC32()
        for start in stride(from: 0, to: text.count, by: 777) {
            chunked.update(text[start..<min(start + 777, text.count)])
        }
        #expect(chunked.value == whole.value)
        var empty = CRC32()
        empty.update(Data())
        #expect(empty.hex == "00000000")
    }
}
