import Foundation
import Hummingbird
import HummingbirdTesting
import GazetteerInternals
import Testing
@testable import GazetteerService

/// Regression tests for the request decoding faults schemathesis and geopy found against a live server.
@Suite struct RequestDecodingTests {
    typealias Support = ServiceTestSupport

    private func errorCode(_ buffer: ByteBuffer) throws -> String? {
        ((try Support.json(buffer) as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func plusInAQueryIsASpaceAndPercent2BIsAPlus() async throws {
        let parameters = QueryParameters(query: "q=New+York&country=am+,+az&x=a%2Bb&bad=%zz&q=ignored")
        #expect(parameters.string("q") == "New York")
        let countries = try parameters.countries("country")
        #expect(countries == ["AM", "AZ"])
        #expect(parameters.string("x") == "a+b" && parameters.string("bad") == "%zz")
        // Decoded on the bytes: UTF-8 escapes are characters; a malformed or non-UTF-8 escape keeps the text
        // as written, with its plus signs as spaces.
        let escapes = QueryParameters(query: "a=%C3%87ermik+%D5%8B&b=x+%2&c=%FF+y&d=%zz%41&e&%71=1")
        #expect(escapes.string("a") == "Çermik Ջ" && escapes.string("b") == "x %2" && escapes.string("c") == "%FF y")
        #expect(escapes.string("d") == "%zz%41" && escapes.string("e") == "" && escapes.string("q") == "1")
        try await Support.withClient { client in
            try await client.execute(uri: "/v1/resolve?q=Cermuk+x&country=AM+,AZ", method: .get) { response in
                #expect(response.status == .ok)
                let resolution = try Support.json(response.body) as? [String: Any]
                #expect(resolution?["query"] as? String == "Cermuk x")
            }
        }
    }

    @Test func blankCountryListsAreNoPreference() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/v1/annotate?country=", method: .post, body: ByteBuffer(string: "Jermuk")) {
                #expect($0.status == .ok)
            }
            let json: HTTPFields = [.contentType: "application/json"]
            try await client.execute(uri: "/v1/annotate", method: .post, headers: json,
                                     body: ByteBuffer(string: #"{"text": "Jermuk", "country": []}"#)) { #expect($0.status == .ok) }
        }
    }

    @Test(arguments: ["/v1/resolve", "/v1/normalize", "/v1/annotate"])
    func anEmptyBodyIsA400(uri: String) async throws {
        try await Support.withClient { client in
            try await client.execute(uri: uri, method: .post, body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
                let code = try errorCode(response.body)
                #expect(code == "bad_body")
            }
        }
    }

    @Test func aJSONBatchMustBeAnArray() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/v1/normalize", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #""Cermuk""#)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/normalize", method: .post, headers: [.contentType: "application/x-ndjson"],
                                     body: ByteBuffer(string: #""Cermuk""#)) { #expect($0.status == .ok) }
        }
    }

    @Test func aJSONBodysNearTakesNumbersAndItsCountryArrayCodes() throws {
        var options = AnnotateOptions()
        #expect(throws: APIError.self) {
            _ = try AnnotateRoutes.text(of: Array(#"{"text": "x", "near": [0.0, false]}"#.utf8),
                                        contentType: "application/json", options: &options)
        }
        #expect(throws: APIError.self) {
            _ = try AnnotateRoutes.text(of: Array(#"{"text": "x", "country": [""]}"#.utf8),
                                        contentType: "application/json", options: &options)
        }
        _ = try AnnotateRoutes.text(of: Array(#"{"text": "x", "near": [39, 45.5]}"#.utf8),
                                    contentType: "application/json; charset=utf-8", options: &options)
        #expect(options.near?.latitude == 39 && options.near?.longitude == 45.5)
    }

    @Test func statusRefusesAnUnknownFormat() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/status?format=xml", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/status?format=text", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/v1/resolve", method: .put) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, POST")
                let code = try errorCode(response.body)
                #expect(code == "method_not_allowed")
            }
            try await client.execute(uri: "/v1/places/174884", method: .delete) { #expect($0.status == .methodNotAllowed) }
            try await client.execute(uri: "/v1/nowhere", method: .put) { #expect($0.status == .notFound) }
        }
    }

    @Test func theMethodTableIsTheOpenAPIDocumentsPaths() throws {
        var documented: [String: Set<String>] = [:]
        var path: String?
        for line in OpenAPIDocument.yaml.split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("components:") {
                path = nil
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                documented[path, default: []].insert(line.trimmingCharacters(in: .whitespaces).dropLast().uppercased())
            }
        }
        let served = MethodNotAllowedMiddleware<BasicRequestContext>.routes.mapValues { Set($0.map(\.rawValue)) }
        #expect(served == documented)
    }
}
