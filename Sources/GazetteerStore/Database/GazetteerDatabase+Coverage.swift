import GRDB

extension GazetteerDatabase {
    /// Whether any place has this feature class (and code, when given).
    package func hasPlaces(featureClass: String, code: String?) throws -> Bool {
        try queue.read { db in
            if let code {
                return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_feature WHERE feature_class = ? AND feature_code = ?)",
                                         arguments: [featureClass, code]) ?? false
            }
            return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_feature WHERE feature_class = ?)",
                                     arguments: [featureClass]) ?? false
        }
    }

    /// Every feature a place in the database has, as `CLASS.CODE` (`P.PPLA`), to tell a user what there is.
    package func featureCodes() throws -> Set<String> {
        try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT feature_class || '.' || feature_code FROM place_feature"))
        }
    }

    /// Those of `countries` (ISO 3166-1 alpha-2) that at least one place in the database is in.
    package func countriesWithPlaces(among countries: [String]) throws -> Set<String> {
        try queue.read { db in
            Set(try countries.filter {
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_feature WHERE country = ?)", arguments: [$0]) ?? false
            })
        }
    }
}
