import Foundation
import GazetteerInternals
import Hummingbird

/// Typed reading of query parameters: each malformed value is a 400 that names the parameter.
struct QueryParameters {
    private let values: [String: String]

    init(_ request: Request) {
        self.init(query: request.uri.query)
    }

    /// Parameters from a raw query string, decoded as browsers and clients encode forms: `+` is a space
    /// (geopy and Python's urlencode send `q=New+York`), `%2B` a plus. Hummingbird's own parsing leaves
    /// `+` as it is. The first of repeated names wins; undecodable escapes are kept as written.
    init(query: String?) {
        var values: [String: String] = [:]
        for pair in (query ?? "").utf8.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.formDecoded(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? Self.formDecoded(parts[1]) : "" }
        }
        self.values = values
    }

    /// One form-encoded name or value: `+` a space, `%XX` a byte. Text with a malformed escape, or whose
    /// escapes are not UTF-8, is kept as written (with its `+` as spaces). Works on the bytes: this runs for
    /// every parameter of every request, and Foundation's string search and percent decoding cost more than
    /// resolving a name does.
    static func formDecoded(_ text: Substring.UTF8View) -> String {
        guard text.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(Substring(text))
        }
        var spaced = [UInt8](text)
        for index in spaced.indices where spaced[index] == UInt8(ascii: "+") { spaced[index] = UInt8(ascii: " ") }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(spaced.count)
        var index = 0
        while index < spaced.count {
            guard spaced[index] == UInt8(ascii: "%") else {
                decoded.append(spaced[index])
                index += 1
                continue
            }
            guard index + 2 < spaced.count, let high = hexValue(spaced[index + 1]), let low = hexValue(spaced[index + 2]) else {
                return String(decoding: spaced, as: UTF8.self)
            }
            decoded.append(high << 4 | low)
            index += 3
        }
        return String(validating: decoded, as: UTF8.self) ?? String(decoding: spaced, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    func string(_ name: String) -> String? {
        values[name]
    }

    func required(_ name: String) throws -> String {
        // Unicode's White_Space is the set Foundation's `.whitespacesAndNewlines` trims, without Foundation's
        // bridging on every request.
        guard let value = string(name), value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
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

    /// The required `lat` and `lon` of reverse geocoding, in range.
    func latitudeLongitude() throws -> (Double, Double) {
        guard let latitude = try double("lat", in: -90...90) else { throw APIError.badParameter("lat", "required") }
        guard let longitude = try double("lon", in: -180...180) else { throw APIError.badParameter("lon", "required") }
        return (latitude, longitude)
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

    /// Country codes from a comma-separated list; a blank list (`country=`, `"country": []`) is no preference.
    static func countries(_ text: String, parameter: String) throws -> [String] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
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
