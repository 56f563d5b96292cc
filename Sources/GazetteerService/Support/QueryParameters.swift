import GazetteerKit
import Hummingbird

/// Typed reading of query parameters: each malformed value is a 400 that names the parameter.
struct QueryParameters {
    let request: Request
    private let values: Parameters

    init(_ request: Request) {
        self.request = request
        values = request.uri.queryParameters
    }

    func string(_ name: String) -> String? {
        values[name[...]].map(String.init)
    }

    func required(_ name: String) throws -> String {
        guard let value = string(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badParameter(name, "required")
        }
        return value
    }

    func int(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badParameter(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw APIError.badParameter(name, "must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func point(_ name: String) throws -> Coordinate? {
        guard let text = string(name) else { return nil }
        guard let point = Coordinate(parsing: text) else {
            throw APIError.badParameter(name, "must be LAT,LON in degrees, e.g. 39.84,45.67")
        }
        return point
    }

    func countries(_ name: String) throws -> [String] {
        guard let text = string(name), !text.isEmpty else { return [] }
        return try Self.countries(text, parameter: name)
    }

    func features(_ name: String) throws -> [FeatureFilter] {
        guard let text = string(name), !text.isEmpty else { return [] }
        guard let filters = FeatureFilter.list(text) else {
            throw APIError.badParameter(name, "must be CLASS or CLASS.CODE, e.g. P or A.ADM1")
        }
        return filters
    }

    static func countries(_ text: String, parameter: String) throws -> [String] {
        let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard codes.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else {
            throw APIError.badParameter(parameter, "must be ISO 3166-1 alpha-2 codes, e.g. AM,AZ")
        }
        return codes
    }

    /// Resolve options from `country`, `near`, `feature`, `limit` and `min_score`.
    func resolveOptions() throws -> ResolveOptions {
        ResolveOptions(
            limit: try int("limit", default: 5, in: 1...100),
            minimumScore: try double("min_score", in: 0...1) ?? ResolveOptions.defaultMinimumScore,
            countries: try countries("country"), near: try point("near"), features: try features("feature"))
    }
}
