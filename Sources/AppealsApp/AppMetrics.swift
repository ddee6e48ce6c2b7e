import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import Foundation
import Metrics
import Prometheus
import Synchronization

/// The process's metrics: swift-metrics bootstrapped once with a Prometheus registry (HTTP requests by route and
/// status from Hummingbird's `MetricsMiddleware`, the sweeper's run time and firings, filings, messages sent and
/// failed, the database pool's wait), and, counted from the database when scraped, cases by state, the outbox's
/// backlog, letters waiting to print and the evidence bytes stored.
public enum AppMetrics {
    /// The registry every metric of the process is in; the first use bootstraps swift-metrics with it.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Hummingbird names its metrics the OpenTelemetry way (`http.server.request.duration`); Prometheus takes
        // letters, digits and underscores.
        factory.nameAndLabelSanitizer = { name, labels in (sanitized(name), labels.map { (sanitized($0.0), $0.1) }) }
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    static func sanitized(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }

    /// The pool wait histogram (made through the registry's factory, whatever swift-metrics was bootstrapped with).
    static let poolWait: Metrics.Timer = {
        _ = registry
        return Metrics.Timer(label: "appeals_db_pool_wait_seconds")
    }()
}

/// `/metrics`: the registry's metrics and the figures counted from the database, at most every 30 seconds.
final class PrometheusMetrics: MetricsSource {
    let figures: SQLOperationalFigures
    let clock: any WallClock
    private let cache = Mutex<(at: Date, figures: SQLOperationalFigures.Figures)?>(nil)
    static let maxAge: TimeInterval = 30

    init(figures: SQLOperationalFigures, clock: any WallClock) {
        self.figures = figures
        self.clock = clock
    }

    func exposition() async throws -> String {
        let now = clock.now()
        let cached = cache.withLock { $0 }
        let current: SQLOperationalFigures.Figures
        if let cached, now.timeIntervalSince(cached.at) < Self.maxAge {
            current = cached.figures
        } else {
            current = try await figures.figures()
            cache.withLock { $0 = (now, current) }
        }
        let registry = AppMetrics.registry
        for state in CaseState.allCases.map(\.rawValue) {
            registry.makeGauge(descriptor: Self.cases, labels: [("state", state)]).set(Double(current.casesByState[state] ?? 0))
        }
        for status in ["pending", "failed"] {
            registry.makeGauge(descriptor: Self.outbox, labels: [("status", status)]).set(Double(current.outbox[status] ?? 0))
        }
        for status in ["queued", "ready", "batched"] {
            registry.makeGauge(descriptor: Self.lettersWaiting, labels: [("status", status)]).set(
                Double(current.lettersWaiting[status] ?? 0))
        }
        registry.makeGauge(descriptor: Self.evidenceBytes).set(Double(current.evidenceBytes))
        return registry.emitToString()
    }

    static var cases: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "appeals", metricName: "cases", unitName: "", helpText: "Cases in each state of the workflow.")
    }
    static var outbox: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "appeals", metricName: "outbox", unitName: "messages", helpText: "E-mail and text messages waiting or failed.")
    }
    static var lettersWaiting: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "appeals", metricName: "letters", unitName: "waiting", helpText: "Letters not yet posted, by status.")
    }
    static var evidenceBytes: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "appeals", metricName: "evidence", unitName: "bytes", helpText: "Bytes of evidence kept.")
    }
}
