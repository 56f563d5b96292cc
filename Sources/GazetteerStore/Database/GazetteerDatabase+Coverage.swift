import GRDB

extension GazetteerDatabase {
    /// Every feature a place in the database has, as `CLASS.CODE` (`P.PPLA`), for telling a filter that
    /// can match nothing from one that happens to.
    /// - Complexity: one pass over the place index: use it once per command, not per query.
    public func featureCodes() throws -> Set<String> {
        try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT feature_class || '.' || feature_code FROM place"))
        }
    }

    /// Those of `countries` (ISO 3166-1 alpha-2) that at least one place in the database is in.
    public func countriesWithPlaces(among countries: [String]) throws -> Set<String> {
        try queue.read { db in
            Set(try countries.filter {
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place WHERE country = ?)", arguments: [$0]) ?? false
            })
        }
    }
}
