import ArgumentParser
import GazetteerInternals

/// `gazetteer near LAT LON`: the places nearest a point (reverse geocoding).
struct Near: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near",
        abstract: "List the places nearest a point, nearest first, with their distance.",
        discussion: "A negative latitude or longitude follows --, e.g. gazetteer near -- -33.87 151.21.")

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, ndjson }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "How many places.")
    var limit = 5

    @Option(help: ArgumentHelp("Only places of this feature class or code, e.g. P or A.ADM1 (comma-separated).",
                               valueName: "CLASS[.CODE]"))
    var feature: String?

    @Argument(help: "Latitude in degrees.")
    var latitude: Double

    @Argument(help: "Longitude in degrees.")
    var longitude: Double

    func validate() throws {
        guard (-90...90).contains(latitude) else { throw ValidationError("latitude must be from -90 to 90") }
        guard (-180...180).contains(longitude) else { throw ValidationError("longitude must be from -180 to 180") }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        if let feature, FeatureFilter.list(feature) == nil { throw ValidationError("--feature must be CLASS or CLASS.CODE, e.g. P or A.ADM1") }
    }

    func run() throws {
        let features = feature.flatMap(FeatureFilter.list) ?? []
        let nearby = try database.open().places(nearLatitude: latitude, longitude: longitude, limit: limit,
                                                where: features.admits)
        let output = StandardOutput()
        defer { output.flush() }
        var json = JSONWriter()
        switch format {
        case .text:
            for (index, item) in nearby.enumerated() {
                let line = "\(index + 1). " + String(format: "%8.2f km", item.distance)
                    + "  \(item.place.label)  \(item.place.feature)  \(item.place.id)\n"
                output.write(TerminalText.sanitized(line))
            }
        case .json:
            json.beginEnvelope(items: "places")
            for item in nearby { json.nearbyPlace(item) }
            json.endEnvelope()
            json.raw("\n")
            output.write(json.bytes)
        case .ndjson:
            for item in nearby {
                json.reset()
                json.nearbyPlace(item)
                json.raw("\n")
                output.write(json.bytes)
            }
        }
    }
}
