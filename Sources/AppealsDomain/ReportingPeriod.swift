import Foundation

/// The days a dashboard figure counts: from one local date to another, both included, in the authority's zone.
/// The instants are the start of the first day and the start of the day after the last, so a period that crosses a
/// daylight-saving change is one hour longer or shorter than its days times 24 hours, and counts every day whole.
public struct ReportingPeriod: Sendable, Equatable {
    public let from: LocalDate
    public let to: LocalDate

    /// The longest period the dashboard takes (about three years).
    public static let maxDays = 1_100

    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to, from.days(until: to) < Self.maxDays else { return nil }
        self.from = from
        self.to = to
    }

    public var days: Int { from.days(until: to) + 1 }

    /// The period of the same length just before this one.
    public var previous: ReportingPeriod { ReportingPeriod(from: from.adding(days: -days), to: from.adding(days: -1))! }

    /// Monday of the week of `today`, up to `today`.
    public static func thisWeek(_ today: LocalDate) -> ReportingPeriod {
        ReportingPeriod(from: today.adding(days: 1 - today.isoWeekday), to: today)!
    }

    /// The 30 days up to and including `today`.
    public static func last30Days(_ today: LocalDate) -> ReportingPeriod { ReportingPeriod(from: today.adding(days: -29), to: today)! }

    /// A calendar month.
    public static func month(year: Int, month: Int) -> ReportingPeriod? {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        let next = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
        return next.flatMap { ReportingPeriod(from: first, to: $0.adding(days: -1)) }
    }

    /// [start, end) as instants in the calendar's zone.
    public func instants(in calendar: BusinessCalendar) -> (start: Date, end: Date) {
        (calendar.startOfDay(from), calendar.startOfDay(to.adding(days: 1)))
    }
}

/// How long an open appeal has waited since it was received, in the buckets the dashboard shows (the statutory
/// period is 56 days by default).
public enum AgeBucket: Int, Sendable, CaseIterable, Hashable, Comparable {
    case upTo7 = 0, upTo14, upTo28, upTo42, upTo56, over56

    /// The fewest whole days of age in the bucket.
    public var fromDays: Int { [0, 8, 15, 29, 43, 57][rawValue] }
    /// The most, or nil for the last.
    public var toDays: Int? { [7, 14, 28, 42, 56, nil][rawValue] }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Received at or after this instant, for an age of at most `toDays` whole days at `moment`.
    public func receivedFrom(at moment: Date) -> Date? { toDays.map { moment.addingTimeInterval(-Double(($0 + 1) * 86_400)) } }
    /// Received before this instant, for an age of at least `fromDays` at `moment` (nil for the first bucket, which
    /// takes everything newer).
    public func receivedBefore(at moment: Date) -> Date? {
        fromDays == 0 ? nil : moment.addingTimeInterval(-Double(fromDays * 86_400))
    }
}
