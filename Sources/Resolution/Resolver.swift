import Foundation
import GazetteerStore
import Normalization
import SystemICU

/// Resolves place names, in any spelling and script, to ranked places with the reason for each.
///
/// Safe to share between tasks: lookups borrow a connection from a pool, and keys are memoised.
///
/// ```swift
/// let resolver = try Resolver(database: try DefaultDatabase.open())
/// let jermuk = try resolver.resolve("Cermuk").results.first
/// jermuk?.place.name          // "Jermuk"
/// jermuk?.match.type.label    // "alias"
/// try resolver.resolve("Istisu", options: ResolveOptions(countries: ["AM"])).results.first?.place.name  // "Jermuk"
/// ```
public final class Resolver: Sendable {
    public let database: GazetteerDatabase
    public let normalizer: NameNormalizer
    let parser: QueryParser
    /// The database connections lookups borrow; other layers (annotation) borrow them too.
    public let pool: LookupPool
    /// Answers already given, by query and options: a stream of names from a table or an article repeats.
    private let answers = Memo<Question, Resolution>(capacity: 1 << 16)
    /// Places and matched names by row id: an article's mentions and their alternatives come back to the
    /// same few.
    private let places = Memo<Int64, Place?>(capacity: 1 << 16)
    private let names = Memo<Int64, LookupConnection.NameRow?>(capacity: 1 << 16)

    /// - Parameters:
    ///   - database: the gazetteer to search.
    ///   - normalizer: computes query keys; must use the rules the database was built with.
    ///   - rules: how queries are read (generic words, qualifiers, common words).
    public init(database: GazetteerDatabase, normalizer: NameNormalizer, rules: ResolverRules) {
        self.database = database
        self.normalizer = normalizer
        parser = QueryParser(normalizer: normalizer, rules: rules, endings: rules.adjectiveEndings)
        pool = LookupPool(path: database.path)
    }

    /// A resolver with the default normalization and query rules.
    public convenience init(database: GazetteerDatabase) throws {
        let normalizer = try NameNormalizer()
        self.init(database: database, normalizer: normalizer, rules: try ResolverRules(normalizer: normalizer))
    }

    /// The places `query` may name, best first, at least `options.minimumScore` each.
    /// - Complexity: one index probe per reading of the query; fuzzy search adds one probe per deletion of
    ///   the key when nothing else matched.
    public func resolve(_ query: String, options: ResolveOptions = ResolveOptions()) throws -> Resolution {
        try answers.value(for: Question(query: query, options: options)) { try computeResolution(query, options: options) }
    }

    /// The answer ``resolve(_:options:)`` gave to the same query and options, if it is still remembered:
    /// a hash and a short lock, so that a server can answer a repeated name on the thread that read the
    /// request instead of sending it to be computed.
    public func rememberedResolution(_ query: String, options: ResolveOptions = ResolveOptions()) -> Resolution? {
        answers.remembered(for: Question(query: query, options: options))
    }

    /// What an answer is remembered by. Options are compared as values: describing them as a string to build
    /// a string key cost more than resolving an exact name.
    private struct Question: MemoKey {
        let query: String
        let options: ResolveOptions

        func memoHash(tag: UInt8) -> UInt64 {
            query.memoHash(tag: tag) ^ UInt64(bitPattern: Int64(options.hashValue)) &* 0x9E37_79B9_7F4A_7C15
        }

        func memoEquals(_ other: Question) -> Bool {
            query.memoEquals(other.query) && options == other.options
        }
    }

    private func computeResolution(_ query: String, options: ResolveOptions) throws -> Resolution {
        try pool.withConnection { connection in
            var ranked = candidates(for: query, options: options, connection: connection)
            // The threshold weighs how well the name matched; preferences only reorder (a place far from
            // `near` is still the only Goris there is).
            ranked = ranked.filter { $0.matchScore >= options.minimumScore }
            let results = ranked.prefix(max(0, options.limit)).compactMap {
                resolvedPlace($0, score: $0.score, connection: connection)
            }
            return Resolution(query: query, results: results)
        }
    }

    /// Every place `query` may name, scored and sorted best first, with no threshold or limit: what
    /// ``resolve(_:options:)`` cuts, and what annotation re-ranks with a document's context.
    package func candidates(for query: String, options: ResolveOptions = ResolveOptions(),
                           connection: LookupConnection) -> [Candidate] {
        let parsed = parser.parse(query)
        var candidates = Candidates()
        // A reading that spells a name exactly counts as the name only when the query as typed spells none:
        // Q’imiri is the Georgian ყიმირი, not the Argentine Quimilí whose alternate name its k-reading spells.
        var typedQuality: Double?
        for variant in parsed.variants {
            if variant.isReading, typedQuality == nil { typedQuality = candidates.bestQuality }
            collect(connection.entries(matchKey: variant.matchKey), variant: variant,
                    spells: (typedQuality ?? 0) < Ranking.quality(.alias), into: &candidates)
        }
        let mayBeFuzzy = options.fuzzy && candidates.bestQuality < Ranking.quality(.transliteration)
        // Most spans of running text name nothing (their keys never left memory): nothing to rank, and no
        // lexicon probes for their words.
        if candidates.byPlace.isEmpty, !mayBeFuzzy { return [] }
        // Every word an ordinary word of some language (press, service, today)? A generic word makes a name
        // of ordinary words ("Walker County", "Mount Pleasant").
        let isCommonWord = !parsed.words.isEmpty && !parsed.words.contains(where: parser.rules.genericEdgeWords.contains)
            && parsed.words.allSatisfy(connection.isCommonWord)
        // A lone surname (Putin, Mirzoyan, Borrell) is a person unless a place has that very name: not a name it
        // resembles (Putian) or another convention's spelling of one (Mirzoian).
        let isSurname = !isCommonWord && parsed.words.count == 1 && connection.isSurname(parsed.words[0])
        refineTransliterations(&candidates, query: parsed, connection: connection)
        if mayBeFuzzy, !isCommonWord, !isSurname {
            for variant in parsed.variants.prefix(2) where variant.matchKey.unicodeScalars.count >= 5 {
                let key = variant.matchKey
                let limit = key.unicodeScalars.count >= 10 ? 2 : 1
                for (near, distance) in connection.fuzzyKeys(near: key, maxDistance: limit).prefix(12) {
                    collect(connection.entries(matchKey: near), variant: variant, fuzzy: distance,
                            script: parsed.script, into: &candidates)
                }
            }
        }
        let constraint = parsed.qualifier.map { qualifierConstraint($0, connection: connection) }
        var ranked = rank(candidates, isCommonWord: isCommonWord, isSurname: isSurname, isPhrase: parsed.words.count > 1,
                          constraint: constraint, options: options)
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry.pid < $1.entry.pid }
        return ranked
    }

    // MARK: Candidates

    /// One place a name may mean: the best of its names for the query, how it matched, and its score.
    package struct Candidate: Sendable {
        public var entry: KeyEntry
        public var type: Match.Kind
        /// The feature a generic word in the query named ("district"), if any.
        package var feature: FeatureFilter?
        /// How well the query names this place, preferences aside: what the minimum score is compared with.
        package var matchScore: Double
        /// ``matchScore`` weighed by the caller's preferred countries and point: what results are ordered by.
        public var score: Double

        init(entry: KeyEntry, type: Match.Kind, feature: FeatureFilter?, score: Double) {
            self.entry = entry
            self.type = type
            self.feature = feature
            self.matchScore = score
            self.score = score
        }
    }

    /// The best reading of each place.
    struct Candidates {
        var byPlace: [Int64: Candidate] = [:]
        /// A place's other names that read the query equally well before spellings are compared: the closest
        /// is the one meant (Yellicə for "Yellice", not the same village's Yellidzha).
        var otherSpellings: [Int64: [Candidate]] = [:]
        var bestQuality = 0.0

        mutating func add(_ candidate: Candidate) {
            bestQuality = max(bestQuality, Ranking.quality(candidate.type))
            let pid = candidate.entry.pid
            if let existing = byPlace[pid], existing.score >= candidate.score {
                if existing.score == candidate.score, existing.type == .transliteration,
                   candidate.type == .transliteration, otherSpellings[pid, default: []].count < 8 {
                    otherSpellings[pid, default: []].append(candidate)
                }
                // Of two names that spell the query equally well, the curated one is reported: it vouches for
                // the place, which an ordinary word needs (Artik's GeoNames and curated names tie).
                guard existing.score == candidate.score, existing.type == candidate.type, candidate.type != .transliteration,
                      candidate.entry.source == .curated, existing.entry.source != .curated else { return }
            }
            byPlace[pid] = candidate
            otherSpellings[pid] = nil
        }
    }

    private let latinScript = UInt8(Script.latin.code)

    /// - Parameter spells: whether a name with the variant's search key is an exact or alias match (else a
    ///   transliteration).
    private func collect(_ entries: [KeyEntry], variant: QueryParser.Variant, fuzzy distance: Int? = nil,
                         script: UInt8 = 0, spells: Bool = true, into candidates: inout Candidates) {
        let hash = searchKeyHash(variant.searchKey)
        for entry in entries {
            // Misspellings are measured against the names places are known by, in the query's own script,
            // not against every transliterated alternate name in every script.
            if distance != nil {
                guard entry.script == script || entry.script == latinScript,
                      entry.kind == .preferred || entry.kind == .official || entry.source == .curated
                        || entry.source == .cldr else { continue }
            }
            let type: Match.Kind
            if let distance {
                type = .fuzzy(distance: distance, length: variant.matchKey.unicodeScalars.count)
            } else if entry.searchKeyHash == hash, spells {
                type = entry.kind == .preferred || entry.kind == .official ? .exact : .alias
            } else {
                type = .transliteration
            }
            var score = Ranking.score(entry, type: type)
            if let feature = variant.feature { score *= feature.matches(entry) ? 1.0 : 0.72 }
            candidates.add(Candidate(entry: entry, type: type, feature: variant.feature, score: score))
        }
    }

    /// Scores transliteration matches by how many edits separate the spellings, for the most promising few.
    private func refineTransliterations(_ candidates: inout Candidates, query: QueryParser.Parsed,
                                        connection: LookupConnection) {
        let keys = query.variants.map(\.searchKey)
        // Yellice is Yellicə itself when no place is called Yellice (Ordekli is a village's Russian name, not
        // Lchashen's Ördəkli).
        let ownKeys = candidates.bestQuality < Ranking.quality(.alias)
            ? query.variants.filter { !$0.isReading }.map(\.searchKey) : []
        let spelled = candidates.byPlace.values.filter { $0.type == .transliteration }
            .sorted { $0.score > $1.score }
        for (index, candidate) in spelled.enumerated() {
            func refine(_ reading: Candidate) -> Candidate? {
                guard let name = name(reading.entry.nid, connection: connection) else { return nil }
                var refined = reading
                if isRespelling(of: name.name, among: ownKeys) {
                    refined.type = .alias
                    refined.score *= Ranking.quality(.alias) / Ranking.quality(.transliteration)
                } else {
                    refined.score *= keys.map { Ranking.spellingCloseness($0, name.searchKey) }.max() ?? 0.79
                }
                return refined
            }
            var refined = candidate
            if index < 24, let better = refine(candidate) { refined = better } else { refined.score *= 0.79 }
            for reading in index < 24 ? candidates.otherSpellings[candidate.entry.pid] ?? [] : [] {
                if let better = refine(reading), better.score > refined.score { refined = better }
            }
            candidates.byPlace[candidate.entry.pid] = refined
        }
    }

    /// Whether a query search key is `name` with letters written as another alphabet writes them
    /// (`rules/letter-spellings.tsv`: Yellice for Yellicə, Kelbecer for Kəlbəcər, as Turkish and Russian write
    /// ə): the name itself, not another convention's spelling.
    private func isRespelling(of name: String, among keys: [String]) -> Bool {
        guard !keys.isEmpty, let respelling = parser.rules.letterSpellings.respelling(name) else { return false }
        return keys.contains(normalizer.searchKey(respelling))
    }

    // MARK: Ranking with the query's context

    private func rank(_ candidates: Candidates, isCommonWord: Bool, isSurname: Bool, isPhrase: Bool,
                      constraint: QualifierConstraint?, options: ResolveOptions) -> [Candidate] {
        let countries = Set(options.countries.map { UInt16(truncatingIfNeeded: PackedASCII.pack($0.uppercased())) })
        let constraintHolds = constraint.map { constraint in
            candidates.byPlace.values.contains { constraint.factor(for: $0.entry) >= 0.8 }
        } ?? false
        var ranked: [Candidate] = []
        for var candidate in candidates.byPlace.values {
            let entry = candidate.entry
            if !options.features.isEmpty, !options.features.contains(where: { $0.matches(entry) }) { continue }
            if isSurname, candidate.type != .exact, candidate.type != .alias { continue }
            if isCommonWord {
                // An ordinary word needs an exact name of a place of some size, or a curated name (Artik, a
                // Turkish word, is the Armenian town). Several ordinary words that are exactly a place's main
                // name are that place: Nerkin Hand ("lower field"), a village.
                guard candidate.type == .exact || candidate.type == .alias else { continue }
                guard entry.source == .curated || Ranking.importance(entry) >= 0.75 || isPhrase && candidate.type == .exact
                else { continue }
            }
            if constraintHolds, let constraint { candidate.score *= constraint.factor(for: entry) }
            candidate.matchScore = candidate.score
            if !countries.isEmpty { candidate.score *= countries.contains(entry.country) ? 1.0 : 0.62 }
            if let near = options.near { candidate.score *= Self.nearness(of: entry, to: near) }
            ranked.append(candidate)
        }
        Ranking.preferNamesakeTowns(&ranked, minimumScore: options.minimumScore)
        return ranked
    }

    /// Countries and divisions a qualifier ("Armenia", "IL", "Syunik") stands for.
    struct QualifierConstraint {
        var countries: Set<UInt16> = []
        var divisions: Set<[UInt64]> = []
        var divisionCodes: Set<UInt64> = []

        func factor(for entry: KeyEntry) -> Double {
            if divisions.contains([UInt64(entry.country), entry.admin1]) { return 1.0 }
            if divisionCodes.contains(entry.admin1), divisions.isEmpty || countries.contains(entry.country) { return 0.95 }
            if countries.contains(entry.country) { return divisions.isEmpty && divisionCodes.isEmpty ? 1.0 : 0.8 }
            return 0.42
        }
    }

    private func qualifierConstraint(_ text: String, connection: LookupConnection) -> QualifierConstraint {
        var constraint = QualifierConstraint()
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let code = parser.rules.qualifierCodes[trimmed.uppercased()] {
            let country = UInt16(truncatingIfNeeded: PackedASCII.pack(code.country))
            constraint.countries.insert(country)
            if let admin1 = code.admin1 { constraint.divisions.insert([UInt64(country), PackedASCII.pack(admin1)]) }
        }
        if (2...3).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            if trimmed.count == 2 { constraint.countries.insert(UInt16(truncatingIfNeeded: PackedASCII.pack(trimmed))) }
            constraint.divisionCodes.insert(PackedASCII.pack(trimmed))
        }
        // A named country or division: the best readings of the qualifier as a division of any level.
        var readings: [(entry: KeyEntry, score: Double)] = []
        for variant in parser.parse(trimmed).variants.prefix(3) {
            let hash = searchKeyHash(variant.searchKey)
            for entry in connection.entries(matchKey: variant.matchKey) where entry.featureClass == UInt8(ascii: "A") {
                let type: Match.Kind = entry.searchKeyHash == hash ? .alias : .transliteration
                readings.append((entry, Ranking.score(entry, type: type)))
            }
        }
        let best = readings.map(\.score).max() ?? 0
        for (entry, score) in readings where score >= best * 0.9 {
            constraint.countries.insert(entry.country)
            if entry.featureCode == Ranking.Codes.adm1 || entry.featureCode == Ranking.Codes.adm2 {
                constraint.divisions.insert([UInt64(entry.country), entry.admin1])
            }
        }
        return constraint
    }

    /// How much a preferred point favours a place: 1 at the point, falling to 0.55 far away (half way at
    /// about 170 km), so that nearness decides among namesakes without silencing a famous place elsewhere.
    package static func nearness(of entry: KeyEntry, to point: Coordinate) -> Double {
        let distance = point.distance(to: Coordinate(latitude: Double(entry.latitude), longitude: Double(entry.longitude)))
        return 0.55 + 0.45 * exp(-distance / 250)
    }

    // MARK: Output

    /// How likely a mention is to mean this place at all, before any context: 1 for countries, less for
    /// divisions, then places by population (in 0…1).
    package static func importance(of entry: KeyEntry) -> Double {
        Ranking.prior(entry)
    }

    /// The output form of a candidate, with `score` (rounded to three decimals).
    package func resolvedPlace(_ candidate: Candidate, score: Double, connection: LookupConnection) -> ResolvedPlace? {
        let entry = candidate.entry
        guard let place = places.value(for: entry.pid, compute: { connection.place(pid: entry.pid) }),
              let name = name(entry.nid, connection: connection) else { return nil }
        let language = name.language.isEmpty ? "und-" + normalizer.script(of: name.name) : name.language
        return ResolvedPlace(
            place: place, score: (min(1, max(0, score)) * 1000).rounded() / 1000,
            match: Match(name: name.name, kind: name.kind, language: language, type: candidate.type, source: name.source))
    }

    private func name(_ nid: Int64, connection: LookupConnection) -> LookupConnection.NameRow? {
        names.value(for: nid) { connection.name(nid: nid) }
    }
}
