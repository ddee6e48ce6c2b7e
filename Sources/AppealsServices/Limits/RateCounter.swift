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
