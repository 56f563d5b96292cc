import Foundation
import GazetteerService
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route as a client meets it: the CLI's JSON, errors as `{"error": {"code", "message"}}`, limits.
@Suite struct ServiceRouteTests {
    typealias Support = ServiceTestSupport

    private func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try Support.json(buffer) as? [String: Any])
    }

    @Test func resolveAnswersOneNameWithTheCommandLinesResolution() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/v1/resolve?q=Cermuk&limit=1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let resolution = try object(response.body)
                #expect(resolution["query"] as? String == "Cermuk")
                let first = try #require((resolution["results"] as? [[String: Any]])?.first)
                #expect(first["id"] as? String == "geonames:174884" && first["geonameid"] as? Int == 174884)
                #expect((first["match"] as? [String: Any])?["type"] as? String == "alias")
            }
        }
    }

    /// The second asking is answered from the resolver's memo, on the request's own thread: the same bytes.
    @Test func aNameAskedAgainGetsTheSameAnswer() async throws {
        try await Support.withClient { client in
            let uri = "/v1/resolve?q=Cermuk&limit=3&country=AM"
            let first = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            let second = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(first == second && first.contains("geonames:174884"))
        }
    }

    @Test(arguments: [
        ("/v1/resolve", "q"), ("/v1/resolve?q=Goris&limit=0", "limit"), ("/v1/resolve?q=Goris&near=north", "near"),
        ("/v1/resolve?q=Goris&country=Armenia", "country"), ("/v1/resolve?q=Goris&feature=Q", "feature"),
        ("/v1/resolve?q=Goris&min_score=2", "min_score"), ("/v1/reverse?lat=100&lon=0", "lat"),
        ("/search?q=Goris&format=xml", "format"), ("/search?q=Goris&viewbox=1,2,3", "viewbox"),
    ])
    func badParametersAre400sThatNameTheParameter(uri: String, parameter: String) async throws {
        try await Support.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try object(response.body)["error"] as? [String: String])
                #expect(error["code"] == "bad_parameter" && error["message"]?.hasPrefix(parameter) == true, "\(error)")
            }
        }
    }

    @Test func batchesAnswerNDJSONInOrderFromAJSONArrayOrNDJSON() async throws {
        try await Support.withClient { client in
            let names = ["Gorus", "press", "Ջերմուկ"]
            let array = try JSONSerialization.data(withJSONObject: names)
            let ndjson = "\"Gorus\"\n{\"q\": \"press\"}\n\n\"Ջերմուկ\"\n"
            for body in [ByteBuffer(bytes: array), ByteBuffer(string: ndjson)] {
                try await client.execute(uri: "/v1/resolve?limit=1", method: .post, body: body) { response in
                    #expect(response.status == .ok && response.headers[.contentType] == "application/x-ndjson")
                    let lines = String(buffer: response.body).split(separator: "\n")
                    let queries = try lines.map { try #require(try Support.json(ByteBuffer(string: String($0))) as? [String: Any])["query"] as? String }
                    #expect(queries == names)
                }
            }
            try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: "[1, 2]")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func limitsAreEnforcedWithTheirOwnStatuses() async throws {
        let configuration = ServiceConfiguration(bodyLimit: 64, batchLimit: 2)
        try await Support.withClient(configuration) { client in
            let big = ByteBuffer(string: String(repeating: "Goris ", count: 100))
            try await client.execute(uri: "/v1/annotate", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                let error = try object(response.body)["error"]
                #expect(error != nil)
            }
            try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: "[\"a\",\"b\",\"c\"]")) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func annotateAnswersJSONGeoJSONOrHTMLByAccept() async throws {
        try await Support.withClient { client in
            let article = ByteBuffer(string: "Azerbaijan fired at Goris and Jermuk (Gorus and Istisu).")
            try await client.execute(uri: "/v1/annotate", method: .post, headers: [.contentType: "text/plain"], body: article) { response in
                let document = try object(response.body)
                let mentions = try #require(document["mentions"] as? [[String: Any]])
                #expect(mentions.map { $0["text"] as? String } == ["Azerbaijan", "Goris", "Jermuk", "Gorus", "Istisu"])
                #expect(document["summary"] != nil)
            }
            try await client.execute(uri: "/v1/annotate", method: .post, headers: [.accept: "application/geo+json"], body: article) { response in
                let collection = try object(response.body)
                #expect(collection["type"] as? String == "FeatureCollection")
            }
            try await client.execute(uri: "/v1/annotate", method: .post, headers: [.accept: "text/html"], body: article) { response in
                #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html>"))
            }
            let json = ByteBuffer(string: #"{"text": "Istisu", "country": "AZ"}"#)
            try await client.execute(uri: "/v1/annotate", method: .post, headers: [.contentType: "application/json"], body: json) { response in
                let mention = try #require((try object(response.body)["mentions"] as? [[String: Any]])?.first)
                #expect((mention["place"] as? [String: Any])?["country"] as? String == "AZ")
            }
        }
    }

    @Test func placesAreFoundByIdOrBareGeoNamesIdAndNearAPoint() async throws {
        try await Support.withClient { client in
            for uri in ["/v1/places/geonames:174884", "/v1/places/174884"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let place = try object(response.body)
                    #expect(place["name"] as? String == "Jermuk")
                    #expect(((place["names"] as? [[String: Any]]) ?? []).contains { $0["name"] as? String == "Ջերմուկ" })
                }
            }
            try await client.execute(uri: "/v1/places/geonames:1", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/reverse?lat=39.84&lon=45.67&limit=2", method: .get) { response in
                let places = try #require(try object(response.body)["places"] as? [[String: Any]])
                #expect(places.first?["id"] as? String == "geonames:174884")
                #expect((places.first?["distance"] as? Double ?? 99) < 1)
                #expect(places.count == 2)
            }
        }
    }

    @Test func nominatimClientsFindJermukFromCermukAndReverseItsPoint() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/search?q=Cermuk&format=json&limit=1", method: .get) { response in
                let places = try #require(try Support.json(response.body) as? [[String: Any]])
                let jermuk = try #require(places.first)
                #expect(jermuk["display_name"] as? String == "Jermuk, Vayots Dzor, Armenia")
                #expect(jermuk["lat"] as? String == "39.83948" && jermuk["place_id"] as? Int == 174884)
                #expect((jermuk["boundingbox"] as? [String])?.count == 4)
            }
            try await client.execute(uri: "/reverse?lat=39.8395&lon=45.6711&format=jsonv2", method: .get) { response in
                let place = try object(response.body)
                #expect(place["name"] as? String == "Jermuk" && place["category"] as? String == "place")
            }
            try await client.execute(uri: "/search?q=Istisu&countrycodes=az", method: .get) { response in
                let places = try #require(try Support.json(response.body) as? [[String: Any]])
                #expect(!places.isEmpty && places.allSatisfy { ($0["display_name"] as? String)?.hasSuffix("Azerbaijan") == true })
            }
            try await client.execute(uri: "/status", method: .get) { response in
                #expect(String(buffer: response.body) == "OK")
            }
        }
    }

    @Test func healthReadinessMetricsAndTheContractAreServed() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { response in
                let ready = try object(response.body)
                #expect(ready["status"] as? String == "ready")
            }
            try await client.execute(uri: "/v1/resolve?q=Goris", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("gazetteer_resolved_names_total"))
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(String(buffer: response.body).contains("openapi: 3.1.0"))
            }
        }
    }

    @Test func aFullServerRefusesWithRetryAfter() async throws {
        try await Support.withClient(ServiceConfiguration(maxInFlight: 0)) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "1")
            }
        }
    }
}
