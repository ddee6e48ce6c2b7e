import AppealsDomain
import Foundation

/// An HMAC with the deployment's server key, hex: for values that must be recognisable but not readable (a typed
/// email in the audit trail) or unforgeable (a staff session's anti-forgery token).
public protocol KeyedHash: Sendable {
    func hex(_ text: String) async throws -> String
}
