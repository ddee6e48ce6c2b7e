import Foundation

/// A limit on ticket and status look-ups per client (an address, or an IPv6 /64): every route that takes a
/// reference and a plate, or a ticket number and a plate, counts one attempt per request.
public protocol LookUpLimiter: Sendable {
    /// Counts an attempt; throws ``AppError/tooManyRequests(retryAfterSeconds:)`` once over the limit.
    func check(_ client: String) async throws
}

/// No limit (`LOOKUP_LIMIT=0`).
public struct NoLookUpLimit: LookUpLimiter {
    public init() {}
    public func check(_ client: String) async throws {}
}

/// The limit kept in this process's memory: a sliding window of `limit` attempts per `window`. Right for one
/// instance (the SQLite default); instances sharing a PostgreSQL database count in it instead (`SQLLookUpLimiter`),
/// or each would allow the whole limit again.
public actor InMemoryLookUpLimiter: LookUpLimiter {
    let limit: Int
    let window: TimeInterval
    let clock: any WallClock
    private var attempts: [String: [Date]] = [:]
    private var lastPurge = Date.distantPast

    public init(limit: Int, window: TimeInterval, clock: any WallClock) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    public func check(_ client: String) throws {
        let now = clock.now()
        if now.timeIntervalSince(lastPurge) > window { purge(now) }
        var recent = attempts[client, default: []].filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            let retry = Int((window - now.timeIntervalSince(recent[0])).rounded(.up))
            attempts[client] = recent
            throw AppError.tooManyRequests(retryAfterSeconds: max(1, retry))
        }
        recent.append(now)
        attempts[client] = recent
    }

    private func purge(_ now: Date) {
        attempts = attempts.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
        lastPurge = now
    }
}
