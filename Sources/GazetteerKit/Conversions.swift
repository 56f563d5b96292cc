internal import GazetteerInternals

// The facade's types are its own, so that the modules under it can change without breaking callers;
// these are the one place where the two meet.

extension GazetteerStore::Coordinate {
    init(_ point: Coordinate) { self.init(latitude: point.latitude, longitude: point.longitude) }
}

extension Coordinate {
    init(_ point: GazetteerStore::Coordinate) { self.init(latitude: point.latitude, longitude: point.longitude) }
}

extension Place {
    init(_ place: GazetteerStore::Place) {
        self.init(id: place.id, name: place.name, featureClass: place.featureClass, featureCode: place.featureCode,
                  countryCode: place.country, countryName: place.countryName, admin1Code: place.admin1,
                  admin1Name: place.admin1Name, admin2Code: place.admin2, admin2Name: place.admin2Name,
                  latitude: place.latitude, longitude: place.longitude, population: place.population,
                  timezone: place.timezone, source: place.source)
    }

    /// The store's form, whose derived fields (label, feature, GeoNames id) are the ones every output shows.
    var storePlace: GazetteerStore::Place {
        GazetteerStore::Place(id: id, name: name, featureClass: featureClass, featureCode: featureCode,
                              country: countryCode, admin1: admin1Code, admin2: admin2Code, admin1Name: admin1Name,
                              admin2Name: admin2Name, latitude: latitude, longitude: longitude,
                              population: population, timezone: timezone, source: source, countryName: countryName)
    }
}

extension NearbyPlace {
    init(_ nearby: GazetteerStore::NearbyPlace) {
        self.init(place: Place(nearby.place), distanceInKilometres: nearby.distance)
    }
}

extension NormalizedName {
    init(_ keys: NameKeys) {
        self.init(display: keys.display, script: keys.script, searchKey: keys.searchKey, matchKey: keys.matchKey)
    }
}

extension ResolvedPlace {
    init(_ result: Resolution::ResolvedPlace) {
        self.init(place: Place(result.place), score: result.score, match: NameMatch(result.match))
    }
}

extension NameMatch {
    init(_ match: Match) {
        let method: Method = switch match.type {
        case .exact: .exact
        case .alias: .alias
        case .transliteration: .transliteration
        case let .fuzzy(distance, _): .fuzzy(edits: distance)
        }
        self.init(name: match.name, nameKind: NameKind(rawValue: match.kind.rawValue) ?? .alternate,
                  language: match.language, method: method, source: match.source)
    }
}

extension Mention {
    init(_ mention: Annotation::Mention) {
        self.init(start: mention.start, end: mention.end, text: mention.text, score: mention.score,
                  resolvedPlace: mention.place.map(ResolvedPlace.init),
                  alternatives: mention.alternatives.map(ResolvedPlace.init),
                  reasons: mention.reasons.map(Reason.init))
    }
}

extension Mention.Reason {
    init(_ reason: Annotation::Mention.Reason) {
        self = switch reason {
        case .name: .name
        case let .inflection(stem): .inflection(stem: stem)
        case let .abbreviation(expansion): .abbreviation(expansion: expansion)
        case let .genericWord(word): .genericWord(word)
        case .demonym: .demonym
        case .supportedByContext: .supportedByContext
        }
    }
}

extension DocumentSummary {
    init(_ summary: Annotation::DocumentSummary) {
        func entries(_ list: [Annotation::DocumentSummary.Entry], divisionCodes: Bool) -> [Entry] {
            list.map {
                Entry(placeID: $0.id.isEmpty ? nil : $0.id, name: $0.name, countryCode: $0.country,
                      admin1Code: divisionCodes && !$0.admin1Code.isEmpty ? $0.admin1Code : nil, mentions: $0.mentions)
            }
        }
        self.init(countries: entries(summary.countries, divisionCodes: false),
                  divisions: entries(summary.divisions, divisionCodes: true),
                  places: entries(summary.places, divisionCodes: true))
    }
}

/// Parses `CLASS` or `CLASS.CODE` filters, reporting the first malformed one.
func featureFilters(_ features: [String]) throws(GazetteerError) -> [FeatureFilter] {
    var filters: [FeatureFilter] = []
    for feature in features {
        guard let filter = FeatureFilter(feature) else {
            let classes = FeatureFilter.classes.map(\.key).joined(separator: ", ")
            throw .invalidOption("feature '\(feature)' is not CLASS or CLASS.CODE with a class of \(classes)")
        }
        filters.append(filter)
    }
    return filters
}

/// Checks ISO 3166-1 alpha-2 codes and upper-cases them.
private func checkedCountryCodes(_ codes: [String]) throws(GazetteerError) -> [String] {
    for code in codes where code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
        throw .invalidOption("country '\(code)' is not an ISO 3166-1 alpha-2 code such as AM")
    }
    return codes.map { $0.uppercased() }
}

private func checkScore(_ score: Double) throws(GazetteerError) {
    guard (0...1).contains(score) else { throw .invalidOption("minimumScore must be from 0 to 1, not \(score)") }
}

private func checkPoint(_ point: Coordinate?) throws(GazetteerError) {
    if let point, !point.isValid {
        throw .invalidOption("near: latitude must be from -90 to 90 and longitude from -180 to 180, not \(point)")
    }
}

extension ResolveOptions {
    func resolutionOptions() throws(GazetteerError) -> Resolution::ResolveOptions {
        guard limit >= 1 else { throw .invalidOption("limit must be 1 or more, not \(limit)") }
        try checkScore(minimumScore)
        try checkPoint(near)
        return Resolution::ResolveOptions(limit: limit, minimumScore: minimumScore, countries: try checkedCountryCodes(countryCodes),
                                          near: near.map(GazetteerStore::Coordinate.init), features: try featureFilters(features),
                                          fuzzy: allowsTypos)
    }
}

extension AnnotationOptions {
    func annotateOptions() throws(GazetteerError) -> AnnotateOptions {
        guard alternatives >= 0 else { throw .invalidOption("alternatives must be 0 or more, not \(alternatives)") }
        try checkScore(minimumScore)
        try checkPoint(near)
        return AnnotateOptions(minimumScore: minimumScore, alternatives: alternatives, demonyms: demonyms,
                               countries: try checkedCountryCodes(countryCodes), near: near.map(GazetteerStore::Coordinate.init))
    }
}
