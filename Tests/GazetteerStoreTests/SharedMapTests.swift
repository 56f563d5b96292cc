import Foundation
@testable import GazetteerStore
import Testing

/// Lookup connections read the database through one memory map per process, not one each: a server's pool
/// of connections otherwise counts the file's pages once per connection in its resident memory.
@Suite struct SharedMapTests {
    typealias Support = StoreTestSupport

    /// The process's memory maps of the file at `path`.
    private static func maps(of path: String) throws -> Int {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        // Read to the end: /proc reports a size of 0, and other tests' threads change the maps meanwhile.
        let maps = try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile()
        return String(decoding: maps, as: UTF8.self).split(separator: "\n").filter { $0.hasSuffix(" " + resolved) }.count
    }

    @Test func connectionsShareOneMapOfTheFileAndTheLastUnmapsIt() throws {
        let url = Support.scratch().appendingPathComponent("gazetteer.sqlite")
        try Support.buildFixture(at: url)
        let key = try #require(try GazetteerDatabase(path: url.path).names(of: "geonames:174884").first?.matchKey)
        var connections = try (0..<3).map { _ in try LookupConnection(path: url.path) }
        let found = connections.map { $0.entries(matchKey: key).count }
        #expect(found.allSatisfy { $0 > 0 } && Set(found).count == 1, "\(found)")
        let maps = try Self.maps(of: url.path)
        #expect(maps == 1, "\(maps) maps of the file")
        connections.removeAll()
        #expect(try Self.maps(of: url.path) == 0)
    }
}
