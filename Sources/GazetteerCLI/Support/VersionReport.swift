import Foundation
import GazetteerInternals

/// What `gazetteer --version` prints: the version on the first line (for scripts), then the data folder,
/// the default database and the rules, so that a report of a wrong answer says what gave it.
///
/// Nothing is built or changed: a missing or out-of-date database is reported as such.
enum VersionReport {
    static func text() -> String {
        var text = "gazetteer \(GazetteerVersion.current)\n"
        let directory: URL
        do {
            directory = try DataDirectory.resolve()
        } catch {
            return text + "data: none found (\(error))\n"
        }
        let fingerprint = (try? BuildManifest(directory: directory))?.fingerprint()
        text += "data: \(directory.path)"
        if let fingerprint { text += " (fingerprint \(fingerprint))" }
        text += "\n" + database(expecting: fingerprint)
        if let rules = try? NormalizationRules(directory: directory.appendingPathComponent("rules")) {
            text += "rules: fingerprint \(rules.fingerprint)\n"
        }
        return text
    }

    private static func database(expecting fingerprint: String?) -> String {
        let path = DefaultDatabase.location.path
        guard FileManager.default.fileExists(atPath: path) else { return "database: \(path), not built yet (built on first use)\n" }
        guard let metadata = try? GazetteerDatabase(path: path).metadata() else {
            return "database: \(path), unusable (rebuilt on next use)\n"
        }
        var text = "database: \(path)"
        if let built = metadata["built_at"] { text += ", built \(built)" }
        if let version = metadata["gazetteer_version"] { text += " by gazetteer \(version)" }
        if let fingerprint, metadata["data_fingerprint"] != fingerprint { text += ", out of date (rebuilt on next use)" }
        return text + "\n"
    }
}
