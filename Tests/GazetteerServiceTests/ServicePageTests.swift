import Foundation
import GazetteerService
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 17: the page at `/` annotates a pasted article and resolves a typed name, with maps, as plain HTML.
@Suite struct ServicePageTests {
    typealias Support = ServiceTestSupport

    @Test func theHomePageHasBothFormsAndNoExternalAssets() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.contains("<form method=\"post\" action=\"/\"") && page.contains("name=\"q\""))
                #expect(!page.contains("src=\"http") && !page.contains("<link"))
            }
        }
    }

    @Test func aPastedArticleComesBackAnnotatedWithItsMap() async throws {
        try await Support.withClient { client in
            let form = ByteBuffer(string: "text=Azerbaijan+fired+at+Goris+and+Jermuk+%28Istisu%29.")
            try await client.execute(uri: "/", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"], body: form) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<svg") && page.contains(">Goris</mark>") && page.contains(">Istisu</mark>"))
            }
            try await client.execute(uri: "/", method: .post, body: ByteBuffer(string: "other=1")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func aTypedNameShowsRankedPlacesWithReasonsAndAMap() async throws {
        try await Support.withClient { client in
            try await client.execute(uri: "/?q=Istisu", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Jermuk, Vayots Dzor, Armenia") && page.contains("alias “<bdi>Istisu</bdi>”"))
                #expect(page.contains("<svg") && page.contains("value=\"Istisu\""))
            }
            try await client.execute(uri: "/?q=%3Cscript%3E", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;") && !page.contains("<script>alert"))
            }
        }
    }
}
