import GazetteerInternals
import Hummingbird

/// `/health` (the process answers), `/ready` (the database is open, and which build), `/metrics`
/// (Prometheus) and `/openapi.yaml` (this service's contract).
struct HealthRoutes {
    let context: RouteContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("health") { _, _ in
            Responses.json { json in
                json.beginObject()
                json.key("status"); json.string("ok")
                json.endObject()
            }
        }
        router.get("ready") { _, _ in
            let service = context.service
            return Responses.json { json in
                json.beginObject()
                json.key("status"); json.string("ready")
                json.key("database"); json.string(service.database.path)
                json.key("build"); json.string(service.build)
                json.endObject()
            }
        }
        router.get("metrics") { _, _ in
            Responses.text(ServiceMetrics.shared.exposition(), contentType: "text/plain; version=0.0.4")
        }
        router.get("openapi.yaml") { _, _ in
            Responses.text(OpenAPIDocument.yaml, contentType: "application/yaml")
        }
    }
}
