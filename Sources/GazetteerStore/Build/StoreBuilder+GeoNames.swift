import Foundation
import GRDB

/// Importers for GeoNames' own file formats (https://download.geonames.org/export/dump/readme.txt).
extension StoreBuilder {
    /// Loads `countryInfo.txt`: each country's ISO codes, English name, languages and neighbours. Its names
    /// are attached to the country's place once places are loaded.
    public func importCountryInfo(path: String, label: String = "geonames") throws {
        let reader = try openInput(path)
        var rows = 0
        try forEachRow(of: reader, stage: "countries") { row in
            let code = try row.required(0, "ISO")
            guard code != "ISO" else { return }  // the header, in copies that drop its '#'
            try row.require(columns: 17)
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw row.error("ISO", "'\(code)' is not an ISO 3166-1 alpha-2 code")
            }
            countryRows.append(CountryRow(
                code: code, iso3: try row.text(1, "ISO3"), name: try row.required(4, "Country"),
                capital: try row.text(5, "Capital"), continent: try row.text(8, "Continent"),
                languages: try row.text(15, "Languages"), neighbours: try row.text(17, "neighbours"),
                population: try row.integer(7, "Population", default: 0),
                geonameID: try row.integer(16, "geonameid", default: 0)))
            rows += 1
        }
        try queue.write { db in try recordSource(reader, kind: "countryInfo", label: label, rows: rows, date: nil, in: db) }
    }

    /// Loads `admin1CodesASCII.txt` (code, name, ascii name, geonameid): the names of first-level divisions,
    /// given to each place's `admin1_name`.
    public func importAdmin1Codes(path: String, label: String = "geonames") throws {
        try importAdminCodes(path: path, label: label, kind: "admin1") { admin1Names[$0] = $1 }
    }

    /// Loads `admin2Codes.txt` (code, name, ascii name, geonameid): second-level division names.
    public func importAdmin2Codes(path: String, label: String = "geonames") throws {
        try importAdminCodes(path: path, label: label, kind: "admin2") { admin2Names[$0] = $1 }
    }

    private func importAdminCodes(path: String, label: String, kind: String,
                                  store: (String, String) -> Void) throws {
        let reader = try openInput(path)
        var rows = 0
        try forEachRow(of: reader, stage: kind) { row in
            try row.require(columns: 2)
            let code = try row.required(0, "code")
            guard code.contains(".") else { throw row.error("code", "'\(code)' is not CC.CODE") }
            store(code, try row.required(1, "name"))
            rows += 1
        }
        try queue.write { db in try recordSource(reader, kind: kind, label: label, rows: rows, date: nil, in: db) }
    }

    /// Loads a GeoNames place table (`allCountries.txt`, `XX.txt`, `citiesN.txt`; 19 tab-separated columns),
    /// with each place's name, ASCII name and alternate names.
    /// - Returns: the number of places loaded.
    @discardableResult
    public func importPlaces(path: String, label: String = "geonames") throws -> Int {
        let reader = try openInput(path)
        var rows = 0
        var newest = ""
        let parse = placeParser(label: label)
        let stage = "places " + URL(fileURLWithPath: path).lastPathComponent
        try queue.write { db in
            try pipelinedRows(of: reader, stage: stage, parse: parse) { parsed in
                // Here, in file order, rather than in the parsers: the first row with an id is the one kept.
                guard geonameIDs.insert(Int(parsed.pid)) else {
                    throw ImportError.malformedRow(file: path, line: parsed.line, field: "geonameid",
                                                   reason: "duplicate id \(parsed.pid): the first row with it was kept")
                }
                try insertPlace(parsed.place, pid: parsed.pid, in: db)
                for name in parsed.names { try insertName(pid: parsed.pid, name, source: label, in: db) }
                if parsed.modified > newest { newest = parsed.modified }
                rows += 1
            }
            try recordSource(reader, kind: "places", label: label, rows: rows, date: newest.nonEmpty, in: db)
        }
        return rows
    }

    /// A row of a place table, parsed and keyed, ready to insert.
    struct ParsedPlace: Sendable {
        var place: Place
        var pid: Int64
        var names: [KeyedName]
        var modified: String
        /// The row's line, for the error when its geonameid repeats an earlier row's.
        var line: Int
    }

    /// The parser of place-table rows, which runs on the import's parser threads: it validates a row and
    /// computes its names' keys. Apart from the import, so that fuzzing reaches it without the database.
    func placeParser(label: String) -> @Sendable (TabularRow) throws(ImportError) -> ParsedPlace? {
        let divisions = (admin1Names, admin2Names)
        return { [normalizer] (row: TabularRow) throws(ImportError) -> ParsedPlace? in
            try row.require(columns: 19...19)
            let geonameID = try row.integer(0, "geonameid")
            guard geonameID > 0 else { throw row.error("geonameid", "must be positive") }
            let name = try row.required(1, "name")
            let latitude = try row.coordinate(4, "latitude", in: -90...90)
            let longitude = try row.coordinate(5, "longitude", in: -180...180)
            let population = try row.integer(14, "population", default: 0)
            guard population >= 0 else { throw row.error("population", "is negative") }
            let country = try row.text(8, "country code")
            let admin1 = try row.text(10, "admin1 code")
            let admin2 = try row.text(11, "admin2 code")
            let place = Place(
                id: "geonames:\(geonameID)", name: name, featureClass: try row.text(6, "feature class"),
                featureCode: try row.text(7, "feature code"), country: country, admin1: admin1, admin2: admin2,
                admin1Name: admin1.isEmpty ? nil : divisions.0["\(country).\(admin1)"],
                admin2Name: admin2.isEmpty ? nil : divisions.1["\(country).\(admin1).\(admin2)"],
                latitude: latitude, longitude: longitude, population: population,
                timezone: try row.text(17, "timezone").nonEmpty, source: label)
            let asciiName = try row.text(2, "asciiname")
            let alternates = try row.text(3, "alternatenames")
            let modified = try row.text(18, "modification date")
            func keyed(_ text: String, _ kind: NameKind) -> KeyedName {
                KeyedName(keys: normalizer.keys(for: text), language: "", kind: kind)
            }
            var names = [keyed(name, .preferred)]
            var written: Set<Substring> = [Substring(name)]
            if !asciiName.isEmpty, written.insert(Substring(asciiName)).inserted { names.append(keyed(asciiName, .alternate)) }
            for alternate in alternates.split(separator: ",") where !alternate.isEmpty && written.insert(alternate).inserted {
                names.append(keyed(String(alternate), .alternate))
            }
            return ParsedPlace(place: place, pid: Int64(geonameID), names: names, modified: modified, line: row.line)
        }
    }

    /// Loads `alternateNamesV2.txt` (or `alternateNames.txt`): names with their language and the
    /// preferred, short, colloquial and historic flags. Names of places not in the store are passed over.
    /// - Returns: the number of names added.
    @discardableResult
    public func importAlternateNames(path: String, label: String = "geonames") throws -> Int {
        let reader = try openInput(path)
        var rows = 0
        var added = 0
        let parse = alternateNameParser(known: geonameIDs)
        let stage = "names " + URL(fileURLWithPath: path).lastPathComponent
        try queue.write { db in
            try pipelinedRows(of: reader, stage: stage, parse: parse) { parsed in
                if try insertName(pid: parsed.pid, parsed.name, source: label, in: db) { added += 1 }
            }
            rows = reader.lineNumber
            try recordSource(reader, kind: "alternateNames", label: label, rows: rows, date: nil, in: db)
        }
        return added
    }

    /// A row of an alternate-name table, parsed and keyed, ready to insert.
    struct ParsedAlternateName: Sendable {
        var pid: Int64
        var name: KeyedName
    }

    /// The parser of alternate-name rows (parser threads): nil for names of places not in `known` and for
    /// rows that are not names. Apart from the import, so that fuzzing reaches it without the database.
    func alternateNameParser(known: Bitset) -> @Sendable (TabularRow) throws(ImportError) -> ParsedAlternateName? {
        { [normalizer] (row: TabularRow) throws(ImportError) -> ParsedAlternateName? in
            // Version 2 has 10 columns; the first version 8, and the last ones are often left off.
            try row.require(columns: 4...10)
            let geonameID = try row.integer(1, "geonameid")
            let language = try row.text(2, "isolanguage")
            let name = try row.required(3, "alternate name")
            guard known.contains(geonameID), let kind = try Self.nameKind(language: language, row: row) else {
                return nil
            }
            let tag = language == "fr_1793" ? "fr" : language
            let keys = normalizer.keys(for: name, language: tag.isEmpty || tag == "abbr" ? nil : tag)
            return ParsedAlternateName(pid: Int64(geonameID), name: KeyedName(keys: keys, language: tag, kind: kind))
        }
    }

    /// Loads a word list into the lexicon under `category` (the build input's label): ordinary words
    /// (`common`), given names, titles, demonyms … One entry per line, `#` comments; an optional second
    /// tab-separated column is the entry's value (a demonym's country).
    public func importLexicon(path: String, label category: String) throws {
        let reader = try openInput(path)
        var rows = 0
        // Keyed on the parser threads: the project's lexicons are some 275,000 rows, most of them words no
        // name shares, so their keys are rarely memoised already.
        let parse: @Sendable (TabularRow) throws(ImportError) -> (key: String, value: String)? = {
            [normalizer] (row: TabularRow) throws(ImportError) in
            let key = normalizer.searchKey(try row.required(0, "word"))
            guard !key.isEmpty else { return nil }
            return (key, try row.text(1, "value"))
        }
        try queue.write { db in
            // Prepared once: the project's lexicons are some 275,000 rows, parsed anew each time otherwise.
            let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO lexicon (category, search_key, value) VALUES (?, ?, ?)")
            try pipelinedRows(of: reader, stage: "lexicon", parse: parse) { entry in
                statement.bind(1, category)
                statement.bind(2, entry.key)
                statement.bind(3, entry.value)
                try statement.run(in: db)
                rows += 1
            }
            try recordSource(reader, kind: "lexicon", label: category, rows: rows, date: nil, in: db)
        }
    }

    /// The kind of an alternate name from its language column and flags; nil for rows that are not names
    /// (links, postal codes, airport codes, Wikidata ids).
    private static func nameKind(language: String, row: TabularRow) throws(ImportError) -> NameKind? {
        switch language {
        case "link", "wkdt", "post", "iata", "icao", "faac", "unlc", "tcid":
            return nil
        case "abbr":
            return .abbreviation
        case "fr_1793":
            return .historical
        default:
            if try row.text(7, "isHistoric") == "1" { return .historical }
            if try row.text(6, "isColloquial") == "1" { return .colloquial }
            if try row.text(5, "isShortName") == "1" { return .short }
            if try row.text(4, "isPreferredName") == "1" { return .preferred }
            return .alternate
        }
    }

    /// Gives each country's place the English name and ISO codes from `countryInfo.txt`, and fills the
    /// country table.
    func linkCountries() throws {
        try queue.write { db in
            for country in countryRows {
                let pid = country.geonameID > 0 && geonameIDs.contains(country.geonameID) ? Int64(country.geonameID) : nil
                try db.execute(sql: """
                    INSERT OR REPLACE INTO country (code, iso3, name, capital, population, continent, languages,
                                                    neighbours, pid)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [country.code, country.iso3, country.name, country.capital.nonEmpty,
                                     country.population, country.continent.nonEmpty, country.languages.nonEmpty,
                                     country.neighbours.nonEmpty, pid])
                guard let pid else { continue }
                try insertName(pid: pid, name: country.name, language: "en", kind: .official, source: "geonames", in: db)
                try insertName(pid: pid, name: country.code, language: "abbr", kind: .abbreviation, source: "geonames",
                               in: db)
                if !country.iso3.isEmpty {
                    try insertName(pid: pid, name: country.iso3, language: "abbr", kind: .abbreviation,
                                   source: "geonames", in: db)
                }
            }
        }
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
