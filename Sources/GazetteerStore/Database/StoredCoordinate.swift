/// How `place.latitude` and `place.longitude` are stored: whole ten-millionths of a degree (about 1 cm), which
/// SQLite keeps in 4 bytes where a REAL takes 8. GeoNames gives 5 decimals and Who's On First rarely more
/// than 7, so a coordinate reads back as the same `Double` it was parsed as.
enum StoredCoordinate {
    static let scale = 10_000_000.0

    /// The stored number of `degrees`.
    static func stored(_ degrees: Double) -> Int64 { Int64((degrees * scale).rounded()) }

    /// The SQL expression of `column`'s value in degrees: the same division as Swift's, so that SQL and Swift
    /// agree on a point (``SpatialGrid/cellSQL``).
    static func degrees(_ column: String) -> String { "(\(column) / \(scale))" }
}
