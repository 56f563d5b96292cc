import Foundation
import Testing

/// NOTICE must keep up with the data: every folder of `Gazetteer/` is installed, so each needs its
/// attribution there.
@Suite struct NoticeTests {
    @Test func noticeNamesEveryDataFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let notice = try String(contentsOf: root.appendingPathComponent("NOTICE"), encoding: .utf8)
        let data = root.appendingPathComponent("Gazetteer")
        let folders = try FileManager.default.contentsOfDirectory(at: data, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        #expect(!folders.isEmpty)
        for folder in folders {
            #expect(notice.contains("Gazetteer/\(folder.lastPathComponent)/"), "NOTICE says nothing of Gazetteer/\(folder.lastPathComponent)/")
        }
        #expect(notice.contains("Apache License, Version 2.0") && notice.contains("Creative Commons Attribution 4.0"))
    }
}
