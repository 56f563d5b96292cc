/// How `name.search_key` is stored: NULL when the search key is the name with its ASCII capitals lowercased
/// (`Goris` → `goris`), as three quarters of GeoNames' Latin names are, so that the key is not written twice.
/// ASCII only, so that the rule cannot change with the Unicode tables of the Swift or SQLite that reads it.
package enum StoredSearchKey {
    /// What to store for `searchKey`, the key of `name`: nil when ``searchKey(stored:name:)`` gives it back.
    package static func stored(_ searchKey: String, name: String) -> String? {
        searchKey.utf8.elementsEqual(name.utf8.lazy.map(lowercased)) ? nil : searchKey
    }

    /// The search key of `name`, stored as `stored`.
    package static func searchKey(stored: String?, name: String) -> String {
        stored ?? String(decoding: name.utf8.map(lowercased), as: UTF8.self)
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
}
