import Foundation

/// A limit on ticket and status look-ups per client (an address, or an IPv6 /64): every route that takes a
/// reference and a plate, or a ticket number and a plate, counts one attempt per request.
public protocol LookUpLimiter: Sendable {
    /// Counts an attempt; throws ``AppError/tooManyAttempts(retryAfterSeconds:)`` once over the limit.
    func check(_ client: String) async throws
}
