import Foundation
import Normalization

/// The gazetteer that works out of the box: built from the project's `Gazetteer/` folder on first use, into
/// a cache file, and rebuilt when that data changes.
///
/// Location, in order: `$GAZETTEER_DB`; `$XDG_CACHE_HOME/gazetteer/default.sqlite`;
/// `~/.cache/gazetteer/default.sqlite`.
public enum DefaultDatabase {
    /// The environment variable that names the default database file.
    public static let environmentVariable = "GAZETTEER_DB"

    /// Where the default database lives.
    public static var location: URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment[environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("gazetteer/default.sqlite")
    }

    /// Opens the default database, building it first when it is missing or was built from other data.
    /// - Parameters:
    ///   - progress: build progress, when a build happens.
    ///   - diagnostics: where malformed input rows are reported during a build.
    public static func open(progress: @escaping StoreBuilder.Progress = { _, _ in },
                            diagnostics: ImportDiagnostics = ImportDiagnostics()) throws -> GazetteerDatabase {
        let url = location
        let manifest = try BuildManifest(directory: try DataDirectory.resolve())
        let fingerprint = manifest.fingerprint()
        if let database = try? GazetteerDatabase(path: url.path),
           (try? database.metadata()["data_fingerprint"]) == fingerprint {
            return database
        }
        try build(manifest: manifest, to: url, progress: progress, diagnostics: diagnostics)
        return try GazetteerDatabase(path: url.path)
    }

    /// Builds the database `manifest` describes at `url`.
    @discardableResult
    public static func build(manifest: BuildManifest, to url: URL, normalizer: NameNormalizer? = nil,
                             progress: @escaping StoreBuilder.Progress = { _, _ in },
                             diagnostics: ImportDiagnostics = ImportDiagnostics()) throws -> StoreBuilder.Report {
        let builder = try StoreBuilder(destination: url, normalizer: try normalizer ?? NameNormalizer(),
                                       diagnostics: diagnostics, progress: progress)
        builder.setMetadata("data_fingerprint", manifest.fingerprint())
        builder.sourceRoot = manifest.directory
        try manifest.load(into: builder)
        return try builder.finish()
    }
}
