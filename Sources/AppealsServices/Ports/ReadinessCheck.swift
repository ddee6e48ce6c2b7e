import Foundation

/// Asks the storage whether the portal can serve (`/readyz`).
public protocol ReadinessCheck: Sendable {
    func readiness() async -> Readiness
}
