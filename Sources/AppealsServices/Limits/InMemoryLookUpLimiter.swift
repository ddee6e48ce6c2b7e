import Foundation

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
            throw AppError.tooManyAttempts(retryAfterSeconds: max(1, retry))
        }
        recent.append(now)
        attempts[client] = recent
    }

    private func purge(_ now: Date) {
        attempts = attempts.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
        lastPurge = now
    }
}
