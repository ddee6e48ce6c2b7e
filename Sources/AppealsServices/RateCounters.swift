import Foundation

/// One counter of a rate limit: a key (what is counted: an address, an account and an address …) in a fixed
/// window of time.
public struct RateCounter: Sendable, Hashable {
    public let key: String
    public let windowStart: Date
    public let windowSeconds: Int
    /// Seconds left in the window at the time it was made for.
    public let secondsLeft: Int

    public init(key: String, at now: Date, windowSeconds: Int) {
        let window = max(1, windowSeconds)
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let start = seconds - ((seconds % window) + window) % window
        self.init(
            key: key, windowStart: Date(timeIntervalSince1970: Double(start)), windowSeconds: window,
            secondsLeft: max(1, start + window - seconds))
    }

    init(key: String, windowStart: Date, windowSeconds: Int, secondsLeft: Int) {
        self.key = key
        self.windowStart = windowStart
        self.windowSeconds = windowSeconds
        self.secondsLeft = secondsLeft
    }

    /// The same key's window before this one.
    var previous: RateCounter {
        RateCounter(
            key: key, windowStart: windowStart.addingTimeInterval(-Double(windowSeconds)), windowSeconds: windowSeconds,
            secondsLeft: 0)
    }

    /// How much of the previous window still lies within one window of now.
    var previousWeight: Double { Double(secondsLeft) / Double(windowSeconds) }
}

/// Rate counters kept where every instance of the portal sees them (the database), incremented atomically: of N
/// parallel requests each gets its own count, so exactly the limit passes however they race.
public protocol RateCounters: Sendable {
    /// Adds one to each counter and returns the new counts, in the order given.
    func increment(_ counters: [RateCounter]) async throws -> [Int]
    /// The counts as they stand, in the order given (0 for a counter never incremented).
    func counts(_ counters: [RateCounter]) async throws -> [Int]
    /// Takes one off each counter (an attempt that turned out not to count).
    func decrement(_ counters: [RateCounter]) async throws
}

extension RateCounters {
    /// Counts an attempt and returns, for each counter, the attempts within one window of now: this window's
    /// count, and the previous window's weighted by how much of it is still that recent (a sliding window from two
    /// fixed ones, so that crossing a window boundary does not start a guesser afresh).
    public func attempt(_ counters: [RateCounter]) async throws -> [Double] {
        let current = try await increment(counters)
        let previous = try await counts(counters.map(\.previous))
        return zip(counters, zip(current, previous)).map { counter, counts in
            Double(counts.0) + Double(counts.1) * counter.previousWeight
        }
    }
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
        let recent = try await counters.attempt([counter]).first ?? 0
        guard recent <= Double(limit) else { throw AppError.tooManyRequests(retryAfterSeconds: counter.secondsLeft) }
    }
}
