import Metrics
import Prometheus

/// The process's metrics: swift-metrics backed by a Prometheus registry, exposed at `/metrics`.
///
/// swift-metrics allows one backend per process, bootstrapped once, so every service instance (tests start
/// several) shares this one. Hummingbird's `MetricsMiddleware` records requests by route and status and
/// their latency through it; the service adds what it annotates and which data build it serves.
final class ServiceMetrics: Sendable {
    static let shared = ServiceMetrics()

    private let registry = PrometheusCollectorRegistry()
    /// Bytes of text annotated, for throughput dashboards.
    let annotatedBytes: Metrics.Counter
    /// Names resolved, singly or in batches.
    let resolvedNames: Metrics.Counter

    private init() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        annotatedBytes = Metrics.Counter(label: "gazetteer_annotated_bytes_total")
        resolvedNames = Metrics.Counter(label: "gazetteer_resolved_names_total")
    }

    /// Marks the data build a service answers from: a gauge at 1 labelled with the build, as Prometheus
    /// exposes versions.
    func loaded(build: String, database: String) {
        Metrics.Gauge(label: "gazetteer_database_build_info", dimensions: [("build", build), ("database", database)]).record(1)
    }

    /// The text exposition format.
    func exposition() -> String {
        registry.emitToString()
    }
}
