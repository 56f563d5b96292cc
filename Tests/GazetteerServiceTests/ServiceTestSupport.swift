import Foundation
import GazetteerFixture
import GazetteerInternals
import GazetteerService
import Hummingbird
import HummingbirdTesting

/// A service over the shared fixture gazetteer.
enum ServiceTestSupport {
    static let service = try! GazetteerService(database: FixtureGazetteer.database)

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
