import Foundation

/// Where the project's data lives: the `Gazetteer/` folder with transliteration rules, source tables,
/// the curated overlay and provenance.
///
/// Looked up in this order: the `GAZETTEER_DATA` environment variable; a `Gazetteer` folder beside the
/// executable or in `../share/gazetteer` from it (an installed copy); the source checkout this module
/// was built from (so `swift run` and `swift test` work in a fresh clone with no setup).
public enum DataDirectory {
    /// The environment variable that overrides the data folder.
    package static let environmentVariable = "GAZETTEER_DATA"

    /// The data folder to use, found once a process (the environment and the executable do not change, and
    /// the rules, the resolver and the database options each ask: 1.8 M instructions of every start).
    /// - Throws: ``RuleError`` when no candidate folder has a `rules/` subfolder.
    public static func resolve() throws(RuleError) -> URL {
        try resolved.get()
    }

    private static let resolved = Result { () throws(RuleError) in try search() }

    private static func search() throws(RuleError) -> URL {
        let candidates = self.candidates()
        for candidate in candidates where isDataDirectory(candidate) {
            return candidate
        }
        let tried = candidates.map(\.path).joined(separator: ", ")
        throw RuleError(file: candidates.first?.path ?? "Gazetteer",
                        reason: "no gazetteer data folder found (tried \(tried)); set \(environmentVariable)")
    }

    static func candidates() -> [URL] {
        var result: [URL] = []
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            result.append(URL(fileURLWithPath: path))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent()
        result.append(folder.appendingPathComponent("Gazetteer"))
        result.append(folder.deletingLastPathComponent().appendingPathComponent("share/gazetteer"))
        // Sources/Normalization/DataDirectory.swift → the checkout's root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        result.append(checkout.appendingPathComponent("Gazetteer"))
        return result
    }

    private static func isDataDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let rules = url.appendingPathComponent("rules").path
        return FileManager.default.fileExists(atPath: rules, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
