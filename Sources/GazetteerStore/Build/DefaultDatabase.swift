import Foundation
import Normalization

/// The gazetteer that works out of the box: built from the project's `Gazetteer/` folder on first use, into
/// a cache file, and rebuilt when that data changes.
///
/// Location, in order: `$GAZETTEER_DB`; `$XDG_CACHE_HOME/gazetteer/default.sqlite`;
/// `~/.cache/gazetteer/default.sqlite`.
public enum DefaultDatabase {
    /// The environment variable that names the default database file.
    package static let environmentVariable = "GAZETTEER_DB"

    /// Where the default database lives.
    public static var location: URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment[environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("gazetteer/default.sqlite")
    }

    /// Opens the default database, building it first when it is missing, damaged, or was built from other
    /// data or rules.
    ///
    /// Processes that find it missing at once build it one at a time: the first builds while the others
    /// wait on a lock beside the file, then use what it built.
    /// - Parameters:
    ///   - progress: build progress, when a build happens.
    ///   - diagnostics: where malformed input rows are reported during a build.
    public static func open(progress: @escaping StoreBuilder.Progress = { _, _, _ in },
                            diagnostics: ImportDiagnostics = ImportDiagnostics()) throws -> GazetteerDatabase {
        try open(at: location, manifest: try BuildManifest(directory: try DataDirectory.resolve()), progress: progress,
                 diagnostics: diagnostics)
    }

    /// Opens the database at `url`, building it from `manifest` first when it is not current.
    static func open(at url: URL, manifest: BuildManifest, progress: @escaping StoreBuilder.Progress = { _, _, _ in },
                     diagnostics: ImportDiagnostics = ImportDiagnostics()) throws -> GazetteerDatabase {
        let fingerprint = manifest.fingerprint()
        if let database = current(at: url, fingerprint: fingerprint) { return database }
        let lock = try BuildLock(beside: url)
        defer { lock.release() }
        if let database = current(at: url, fingerprint: fingerprint) { return database }
        try buildHoldingLock(manifest: manifest, to: url, progress: progress, diagnostics: diagnostics)
        return try GazetteerDatabase(path: url.path)
    }

    /// The database at `url` when it opens and was built from the data with `fingerprint`.
    private static func current(at url: URL, fingerprint: String) -> GazetteerDatabase? {
        guard let database = try? GazetteerDatabase(path: url.path),
              (try? database.metadata()["data_fingerprint"]) == fingerprint else { return nil }
        return database
    }

    /// Builds the database `manifest` describes at `url`, after any other build of it has finished.
    /// - Throws: ``StoreError/outputIsInput(path:input:)`` when `url` is one of the data folder's files.
    @discardableResult
    public static func build(manifest: BuildManifest, to url: URL, normalizer: NameNormalizer? = nil,
                             progress: @escaping StoreBuilder.Progress = { _, _, _ in },
                             diagnostics: ImportDiagnostics = ImportDiagnostics()) throws -> StoreBuilder.Report {
        let lock = try BuildLock(beside: url)
        defer { lock.release() }
        return try buildHoldingLock(manifest: manifest, to: url, normalizer: normalizer, progress: progress,
                                    diagnostics: diagnostics)
    }

    @discardableResult
    private static func buildHoldingLock(manifest: BuildManifest, to url: URL, normalizer: NameNormalizer? = nil,
                                         progress: @escaping StoreBuilder.Progress,
                                         diagnostics: ImportDiagnostics) throws -> StoreBuilder.Report {
        try StoreBuilder.checkDestination(
            url, against: [manifest.directory.appendingPathComponent("build.tsv").path] + manifest.inputs.map(\.path.path))
        let builder = try StoreBuilder(destination: url, normalizer: try normalizer ?? NameNormalizer(),
                                       diagnostics: diagnostics, progress: progress)
        builder.setMetadata("data_fingerprint", manifest.fingerprint())
        builder.sourceRoot = manifest.directory
        try manifest.load(into: builder)
        return try builder.finish()
    }
}
