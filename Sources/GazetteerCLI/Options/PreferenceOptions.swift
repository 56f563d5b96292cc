import ArgumentParser
import Foundation
import GazetteerInternals

/// `--country` and `--near`, shared by resolve and annotate: what to prefer among namesakes when the text
/// itself does not say (a local paper's Dublin is Dublin, Ohio).
struct PreferenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Prefer places in these countries (ISO codes, comma-separated).", valueName: "CC[,CC]"))
    var country: String?

    // Unconditional: a point south or west starts with '-', which would otherwise read as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Prefer places near this point.", valueName: "LAT,LON"))
    var near: String?

    func validate() throws {
        if let near, Coordinate(parsing: near) == nil {
            throw ValidationError("--near must be LAT,LON in degrees, e.g. 39.84,45.67")
        }
        if let country, Self.countries(country) == nil {
            throw ValidationError("--country must be ISO 3166-1 codes, e.g. AM,AZ")
        }
    }

    /// The preferred countries, upper case.
    var countries: [String] { country.flatMap(Self.countries) ?? [] }

    var point: Coordinate? { near.flatMap(Coordinate.init(parsing:)) }

    /// Warns about countries no place in `gazetteer` is in: a mistyped code would otherwise prefer nothing,
    /// silently. A warning, not an error, because a smaller database may lack a country that is real.
    func warnAboutAbsentCountries(in gazetteer: GazetteerDatabase) throws {
        guard !countries.isEmpty else { return }
        let present = try gazetteer.countriesWithPlaces(among: countries)
        let absent = countries.filter { !present.contains($0) }
        guard !absent.isEmpty else { return }
        Diagnostics.warn("--country: no place in the database is in \(absent.joined(separator: ", "))")
    }

    private static func countries(_ text: String) -> [String]? {
        let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        return codes.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isLetter) }) ? codes : nil
    }
}
