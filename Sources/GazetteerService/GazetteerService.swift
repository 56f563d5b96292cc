import Foundation
import GazetteerInternals
import Hummingbird
import Logging

/// The gazetteer as an HTTP service: the command line's resolve, annotate, normalize, place lookup and
/// reverse geocoding, with the same JSON, plus a Nominatim-compatible subset for existing geocoder clients.
///
/// ```swift
/// let service = try GazetteerService(database: try DefaultDatabase.open())
/// try await service.run(ServiceConfiguration(port: 8080))
/// ```
///
/// Routes, limits and errors are documented in `docs/openapi.yaml`, which the service also serves at
/// `/openapi.yaml`.
public final class GazetteerService: Sendable {
    let database: GazetteerDatabase
    let resolver: Resolver
    let annotator: Annotator
    /// The data build the service answers from, for `/ready` and `/metrics`.
    let build: String
    /// Country outlines for the maps of the page at `/`; without them the maps show dots only.
    let outlines: MapOutlines?
    /// The fields of places already written in annotations, copied into later ones: articles keep naming
    /// the same places.
    let placeMemo = Memo<String, [UInt8]>(capacity: 1 << 14)

    public init(database: GazetteerDatabase) throws {
        self.database = database
        annotator = try Annotator(database: database)
        resolver = annotator.resolver
        build = (try? database.metadata()["built_at"]) ?? "unknown"
        outlines = try? MapOutlines.load(from: DataDirectory.resolve())
    }

    /// The routes and middleware, for serving or for testing with HummingbirdTesting.
    public func router(_ configuration: ServiceConfiguration) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorShapeMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware())
        router.add(middleware: InFlightLimitMiddleware(limit: configuration.maxInFlight))
        if let allowed = configuration.corsOrigin {
            let origin: CORSMiddleware<BasicRequestContext>.AllowOriginExtended = allowed == "*" ? .all : .custom(allowed)
            router.add(middleware: CORSMiddleware(allowOrigin: origin, allowHeaders: [.contentType, .accept],
                                                  allowMethods: [.get, .post, .options]))
        }
        let compute = Compute(budget: configuration.timeBudget)
        let context = RouteContext(service: self, configuration: configuration, compute: compute)
        HealthRoutes(context: context).register(on: router)
        ResolveRoutes(context: context).register(on: router)
        AnnotateRoutes(context: context).register(on: router)
        PlaceRoutes(context: context).register(on: router)
        NominatimRoutes(context: context).register(on: router)
        PageRoutes(context: context).register(on: router)
        return router
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting, finishes the requests in flight and returns.
    public func run(_ configuration: ServiceConfiguration) async throws {
        var logger = Logger(label: "gazetteer")
        logger.logLevel = .info
        ServiceMetrics.shared.loaded(build: build, database: database.path)
        let app = Application(
            router: router(configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "gazetteer"),
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// What every route needs: the service, its limits and where to compute.
struct RouteContext: Sendable {
    let service: GazetteerService
    let configuration: ServiceConfiguration
    let compute: Compute
}
