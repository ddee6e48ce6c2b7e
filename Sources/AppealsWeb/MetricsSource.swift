import Foundation

/// The operator's metrics in the Prometheus text format (built by the composition root).
public protocol MetricsSource: Sendable {
    func exposition() async throws -> String
}
