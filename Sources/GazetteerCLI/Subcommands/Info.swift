import ArgumentParser
import GazetteerInternals

/// `gazetteer info ID`: a place with all its names.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show a place and all its names.")

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Place ids, e.g. geonames:174884, or a bare GeoNames id such as 174884.",
                                 valueName: "id"))
    var ids: [String]

    /// GeoNames users type the number alone; every other id keeps its prefix.
    static func placeID(_ text: String) -> String {
        !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) ? "geonames:\(text)" : text
    }

    func run() throws {
        let gazetteer = try database.open()
        let output = StandardOutput()
        defer { output.flush() }
        var records = format == .json ? JSONEnvelope(items: "places", output: output) : nil
        var missing: [String] = []
        for id in ids.map(Self.placeID) {
            guard let place = try gazetteer.place(id: id) else {
                missing.append(id)
                continue
            }
            let names = try gazetteer.names(of: id)
            switch format {
            case .text:
                output.write(TextReport.place(place, names: names))
            case .json:
                var json = JSONWriter()
                json.placeInfo(place, names: names)
                records?.append(json.bytes)
            }
        }
        records?.finish()
        output.flush()
        if !missing.isEmpty {
            Diagnostics.report("no place with id \(missing.joined(separator: ", "))")
            throw ExitCode.partialFailure
        }
    }
}
