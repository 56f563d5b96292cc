import Foundation
import Testing
@testable import GazetteerService

/// The document the binary serves is docs/openapi.yaml; Scripts/generate-openapi-source keeps them equal.
@Suite struct OpenAPIDocumentTests {
    @Test func theEmbeddedDocumentIsDocsOpenAPIYAML() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(OpenAPIDocument.yaml == committed, "run Scripts/generate-openapi-source")
    }
}
