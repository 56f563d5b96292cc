import Foundation
import GazetteerStore

/// Human-readable reports for a terminal.
package enum TextReport {
    /// A place and its names, grouped by kind.
    public static func place(_ place: Place, names: [PlaceName]) -> String {
        TerminalText.sanitized(placeLines(place, names: names))
    }

    private static func placeLines(_ place: Place, names: [PlaceName]) -> String {
        var text = "\(place.id)  \(place.name)\n"
        var location = [place.admin2Name, place.admin1Name, place.country.isEmpty ? nil : place.country]
            .compactMap { $0 }.joined(separator: ", ")
        if location.isEmpty { location = "–" }
        text += "  \(place.feature)  \(location)  \(format(place.latitude)), \(format(place.longitude))"
        text += "  population \(place.population)  source \(place.source)\n"
        text += "  \(names.count) names:\n"
        let width = min(40, names.map { $0.name.count }.max() ?? 0)
        for name in names {
            let padded = name.name.padding(toLength: max(width, name.name.count), withPad: " ", startingAt: 0)
            var line = "    \(padded)  \(name.language.isEmpty ? "-" : name.language)  \(name.kind.rawValue)"
            line += "  \(name.source)"
            if let citation = name.citation { line += "  \(citation)" }
            text += line + "\n"
        }
        return text
    }

    /// Counts by country, feature, source and kind.
    package static func statistics(_ statistics: StoreStatistics, top: Int) -> String {
        TerminalText.sanitized(statisticsLines(statistics, top: top))
    }

    private static func statisticsLines(_ statistics: StoreStatistics, top: Int) -> String {
        var text = "\(statistics.places) places, \(statistics.names) names"
        if let built = statistics.metadata["built_at"] { text += ", built \(built)" }
        if let version = statistics.metadata["gazetteer_version"] { text += " by gazetteer \(version)" }
        text += "\n"
        func section(_ title: String, _ counts: [StoreStatistics.Count], limit: Int? = nil) {
            text += "\n\(title):\n"
            let shown = limit.map { Array(counts.prefix($0)) } ?? counts
            for count in shown {
                text += "  " + (count.key.isEmpty ? "(none)" : count.key).padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(count.count) + "\n"
            }
            if shown.count < counts.count {
                text += "  … \(counts.count - shown.count) more\n"
            }
        }
        section("places by source", statistics.placesBySource)
        section("places by feature", statistics.placesByFeature, limit: top)
        section("places by country", statistics.placesByCountry, limit: top)
        section("names by source", statistics.namesBySource)
        section("names by kind", statistics.namesByKind)
        text += "\nsources:\n"
        for source in statistics.sources {
            text += "  \(source.label)  \(source.kind)  \(source.name)  \(source.rows) rows"
            if source.skipped > 0 { text += ", \(source.skipped) skipped" }
            if let date = source.date { text += ", newest \(date)" }
            text += "  crc32 \(source.crc32)\n"
        }
        return text
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
