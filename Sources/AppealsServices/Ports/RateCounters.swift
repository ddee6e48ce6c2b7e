import Foundation

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
