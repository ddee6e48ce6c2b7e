import Foundation

/// One counter of a rate limit: a key (what is counted: an address, an account and an address …) in a fixed
/// window of time.
public struct RateCounter: Sendable, Hashable {
    public let key: String
    public let windowStart: Date
    /// Seconds left in the window at `now`.
    public let secondsLeft: Int

    public init(key: String, at now: Date, windowSeconds: Int) {
        let window = max(1, windowSeconds)
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let start = seconds - ((seconds % window) + window) % window
        self.key = key
        windowStart = Date(timeIntervalSince1970: Double(start))
        secondsLeft = max(1, start + window - seconds)
    }
}

/// Rate counters kept where every instance of the portal sees them (the database), incremented atomically: of N
/// parallel requests each gets its own count, so exactly the limit passes however they race.
///
/// Fixed windows: across a window boundary a client can make up to twice the limit, which is still a bound.
public protocol RateCounters: Sendable {
    /// Adds one to each counter and returns the new counts, in the order given.
    func increment(_ counters: [RateCounter]) async throws -> [Int]
    /// Takes one off each counter (an attempt that turned out not to count).
    func decrement(_ counters: [RateCounter]) async throws
}

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
        let count = try await counters.increment([counter]).first ?? 0
        guard count <= limit else { throw AppError.tooManyRequests(retryAfterSeconds: counter.secondsLeft) }
    }
}
