import Foundation

/// The look-up limit kept in shared rate counters, so that instances sharing one PostgreSQL allow a client
/// `limit` look-ups per window between them, not `limit` each.
public struct SharedLookUpLimiter: LookUpLimiter {
    let counters: any RateCounters
    let limit: Int
    let windowSeconds: Int
    let clock: any WallClock

    public init(counters: any RateCounters, limit: Int, windowSeconds: Int, clock: any WallClock) {
        self.counters = counters
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.clock = clock
    }

    public func check(_ client: String) async throws {
        let counter = RateCounter(key: "lookup:" + client, at: clock.now(), windowSeconds: windowSeconds)
        let recent = try await counters.attempt([counter]).first ?? 0
        guard recent <= Double(limit) else { throw AppError.tooManyAttempts(retryAfterSeconds: counter.secondsLeft) }
    }
}
