import Foundation

/// A time of day on the authority's wall clock, to the minute.
public struct LocalTime: Hashable, Comparable, Sendable, Codable {
    public let minutesSinceMidnight: Int
    public init(hour: Int, minute: Int = 0) { minutesSinceMidnight = hour * 60 + minute }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }
}
