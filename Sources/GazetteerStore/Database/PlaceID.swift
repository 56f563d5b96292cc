import GRDB

/// Public place ids as the `place` table holds them. A GeoNames place's id is `geonames:` and its geonameid,
/// which is also its pid, so the table stores no id for it (NULL) and `place_by_id` has no entry: 40 bytes a
/// place. Places of other sources (`curated:…`, `wof:…`) keep theirs.
enum PlaceID {
    /// The SQL expression of a `place` row's public id.
    static let column = "coalesce(place.id, 'geonames:' || place.pid)"

    /// The id ``column`` gives a place whose row stores none.
    static func derived(_ pid: Int64) -> String {
        "geonames:" + String(pid)
    }

    /// Whether `id` is the one derived for the place numbered `pid`, and so is not stored.
    static func isDerived(_ id: String, pid: Int64) -> Bool {
        derivedPID(id) == pid
    }

    /// The pid that a derived id names: `geonames:174884` → 174884; nil for any other id, or another spelling
    /// of one (`geonames:0174884` is no place's id).
    static func derivedPID(_ id: String) -> Int64? {
        guard id.hasPrefix("geonames:"), let number = Int64(id.dropFirst(9)), number > 0,
              id.utf8.count == 9 + String(number).utf8.count else { return nil }
        return number
    }

    /// An SQL condition on `place` selecting the place with public id `id`, and its argument.
    static func condition(_ id: String) -> (sql: String, argument: DatabaseValueConvertible) {
        if let pid = derivedPID(id) { return ("place.pid = ? AND place.id IS NULL", pid) }
        return ("place.id = ?", id)
    }
}
