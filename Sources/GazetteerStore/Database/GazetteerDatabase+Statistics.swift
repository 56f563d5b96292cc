import GRDB

/// Counts that tell what a database holds: by country, feature, source and name kind.
package struct StoreStatistics: Sendable, Codable {
    package struct Count: Sendable, Codable, Hashable {
        public var key: String
        public var count: Int
    }

    /// One input file and what it gave.
    package struct Source: Sendable, Codable, Hashable {
        public var name: String
        public var kind: String
        public var label: String
        public var date: String?
        /// zlib's CRC-32 of the file's bytes, 8 hex digits: which version of the file built the database.
        package var crc32: String
        public var rows: Int
        public var skipped: Int
    }

    public var places: Int
    public var names: Int
    package var placesByCountry: [Count]
    package var placesByFeature: [Count]
    package var placesBySource: [Count]
    package var namesBySource: [Count]
    package var namesByKind: [Count]
    package var sources: [Source]
    package var metadata: [String: String]
}

extension GazetteerDatabase {
    /// What the database holds.
    package func statistics() throws -> StoreStatistics {
        let metadata = try self.metadata()
        return try read { db in
            func counts(_ sql: String) throws -> [StoreStatistics.Count] {
                try Row.fetchAll(db, sql: sql).map { StoreStatistics.Count(key: $0[0] ?? "", count: $0[1]) }
            }
            return StoreStatistics(
                places: try Int.fetchOne(db, sql: "SELECT count(*) FROM place") ?? 0,
                names: try Int.fetchOne(db, sql: "SELECT coalesce(sum(names), 0) FROM name_count") ?? 0,
                placesByCountry: try counts("""
                    SELECT country, sum(places) AS n FROM place_feature GROUP BY country ORDER BY n DESC, country
                    """),
                placesByFeature: try counts("""
                    SELECT feature_class || '.' || feature_code, sum(places) AS n FROM place_feature
                    GROUP BY feature_class, feature_code ORDER BY n DESC, 1
                    """),
                placesBySource: try counts("""
                    SELECT label.name, count(*) AS n FROM place JOIN label ON label.code = place.source
                    GROUP BY place.source ORDER BY n DESC, 1
                    """),
                namesBySource: try counts("""
                    SELECT label.name, sum(names) AS n FROM name_count JOIN label ON label.code = name_count.source
                    GROUP BY name_count.source ORDER BY n DESC, 1
                    """),
                namesByKind: try counts("""
                    SELECT name_kind.name, sum(names) AS n FROM name_count JOIN name_kind ON name_kind.code = name_count.kind
                    GROUP BY name_count.kind ORDER BY n DESC, 1
                    """),
                sources: try Row.fetchAll(db, sql: "SELECT name, kind, label, date, crc32, rows, skipped FROM source ORDER BY rowid")
                    .map { StoreStatistics.Source(name: $0[0], kind: $0[1], label: $0[2], date: $0[3], crc32: $0[4],
                                                  rows: $0[5], skipped: $0[6]) },
                metadata: metadata)
        }
    }
}
