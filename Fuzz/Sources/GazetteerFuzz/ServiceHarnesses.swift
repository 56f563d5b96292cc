import GazetteerInternals
@testable import GazetteerService

/// The service's request decoding, which reads bytes from the network before any route logic: query strings,
/// batch bodies, annotate bodies, Nominatim's viewbox and Accept-Language. Every decoder either returns a
/// value in its documented range or throws `APIError` (a 400 or 413 for the client); anything else — a trap,
/// another error type, an out-of-range value — would be a 5xx or a wrong answer.
enum ServiceHarnesses {
    static let all = [request]

    static let contentTypes: [String?] = [nil, "application/json", "application/x-ndjson", "text/plain; charset=utf-8",
                                          "Application/JSON; charset=utf-8"]

    /// The same bytes as a query string, a batch body, an annotate body and header values.
    static let request = Harness("service-request") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let contentType = contentTypes[bytes.count % contentTypes.count]

        let parameters = QueryParameters(query: text)
        decoded("resolve options") {
            let options = try parameters.resolveOptions()
            require((1...100).contains(options.limit) && (0...1).contains(options.minimumScore), "options out of range")
            require(options.countries.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isUppercase } },
                    "a country code that is not two capital letters: \(options.countries)")
        }
        decoded("viewbox") {
            guard let box = try NominatimRoutes.viewbox(parameters) else { return }
            require(box.west <= box.east && box.south <= box.north && (-180...180).contains(box.west)
                    && (-180...180).contains(box.east) && (-90...90).contains(box.south) && (-90...90).contains(box.north),
                    "viewbox out of range: \(box)")
        }
        if let language = NominatimRoutes.language(text) {
            require(!language.isEmpty && !language.contains(where: { "-;,".contains($0) }), "language '\(language)'")
        }

        decoded("batch") { _ = try BatchNames.parse(bytes, contentType: contentType) }
        decoded("annotate body") {
            var options = AnnotateOptions()
            let article = try AnnotateRoutes.text(of: bytes, contentType: contentType, options: &options)
            if Body.mediaType(contentType) != "application/json" {
                require(article == text, "a plain-text article is not its bytes as UTF-8")
            }
        }
    }

    /// Runs a decoder; `APIError` is the right answer to bad input, any other error is a fault.
    private static func decoded(_ what: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch is APIError {
        } catch {
            require(false, "\(what) threw \(error), not an APIError")
        }
    }
}
