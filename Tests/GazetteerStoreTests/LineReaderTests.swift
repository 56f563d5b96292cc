import Foundation
import Testing
@testable import GazetteerStore

/// `LineReader` reads at most a megabyte at a time, and no more than what is left of a regular file (at least
/// 4 kB): lines come out whole whatever the file's size and wherever a read ends.
@Suite struct LineReaderTests {
    private func lines(of bytes: [UInt8], name: String) throws -> [String] {
        let url = StoreTestSupport.scratch().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        let reader = try LineReader(path: url.path)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    @Test(arguments: [0, 1, 4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20])
    func filesOfAnySizeAreReadWhole(size: Int) throws {
        let row = Array("174884\tJermuk\t39.84\t45.67\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < size { bytes += row }
        bytes = Array(bytes.prefix(size))  // most sizes cut the last row: a final line without its newline
        var expected = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        if expected.last == "" { expected.removeLast() }
        #expect(try lines(of: bytes, name: "lines-\(size).txt") == expected)
    }
}
