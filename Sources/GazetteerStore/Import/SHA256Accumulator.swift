import Crypto
import Foundation

/// The SHA-256 of a file, computed as it streams past, for the provenance recorded in each database.
final class SHA256Accumulator {
    private var hash = SHA256()

    func update(_ data: Data) { hash.update(data: data) }

    var hexDigest: String {
        hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
