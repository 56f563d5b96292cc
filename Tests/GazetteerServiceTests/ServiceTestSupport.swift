import Foundation
import GazetteerInternals
import GazetteerService
import Hummingbird
import HummingbirdTesting

/// A service over the resolver tests' fixture gazetteer, built once.
enum ServiceTestSupport {
    static let service: GazetteerService = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ResolutionTests/Fixtures")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString).sqlite")
        let builder = try! StoreBuilder(destination: url, normalizer: try! NameNormalizer())
        try! builder.importCountryInfo(path: fixtures.appendingPathComponent("countryInfo.txt").path)
        try! builder.importAdmin1Codes(path: fixtures.appendingPathComponent("admin1.txt").path)
        try! builder.importPlaces(path: fixtures.appendingPathComponent("places.txt").path)
        try! builder.importCurated(directory: fixtures.appendingPathComponent("curated"))
        try! builder.importLexicon(path: fixtures.appendingPathComponent("lexicon.txt").path, label: "common")
        try! builder.finish()
        return try! GazetteerService(database: try! GazetteerDatabase(path: url.path))
    }()

    /// Runs `test` against the service's router, in process.
    static func withClient<T: Sendable>(_ configuration: ServiceConfiguration = ServiceConfiguration(),
                                        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: service.router(configuration))
        return try await app.test(.router, test)
    }

    static func json(_ buffer: ByteBuffer) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: .fragmentsAllowed)
    }
}
