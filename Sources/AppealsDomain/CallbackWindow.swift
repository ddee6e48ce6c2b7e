import Foundation

/// When an agent is to call a citizen back: a business day's morning (opening to noon) or afternoon (noon to
/// closing), in the authority's time zone. A citizen chooses from today's windows not yet under way and the next
/// business day's; the call is due from the window's start and missed once it has ended.
public struct CallbackWindow: Hashable, Sendable, Comparable {
    public enum Part: String, Sendable, CaseIterable {
        case morning, afternoon
    }

    public let day: LocalDate
    public let part: Part

    public init(day: LocalDate, part: Part) {
        self.day = day
        self.part = part
    }

    /// `2026-12-07-morning`, as forms and rows carry it.
    public var id: String { "\(day)-\(part.rawValue)" }

    public init?(id: String) {
        let pieces = id.split(separator: "-", maxSplits: 3).map(String.init)
        guard pieces.count == 4, let day = LocalDate(iso: pieces[0...2].joined(separator: "-")), let part = Part(rawValue: pieces[3])
        else { return nil }
        self.init(day: day, part: part)
    }

    /// The local hours of the window: opening to noon, or noon to closing.
    public func hours(in calendar: BusinessCalendar) -> (start: LocalTime, end: LocalTime) {
        let noon = LocalTime(hour: 12)
        return part == .morning ? (calendar.opensAt, noon) : (noon, calendar.closesAt)
    }

    /// The instants the window starts and ends (a daylight-saving change is the calendar's to count).
    public func interval(in calendar: BusinessCalendar) -> (start: Date, end: Date) {
        let hours = hours(in: calendar)
        return (calendar.instant(day, hours.start), calendar.instant(day, hours.end))
    }

    /// The windows a citizen may choose at `now`: today's that have not started yet (on a business day), then
    /// the next business day's two.
    public static func choices(at now: Date, in calendar: BusinessCalendar) -> [CallbackWindow] {
        let today = calendar.local(now).date
        let todays =
            calendar.isBusinessDay(today)
            ? Part.allCases.map { CallbackWindow(day: today, part: $0) }.filter { $0.interval(in: calendar).start > now } : []
        let next = calendar.businessDay(onOrAfter: today.adding(days: 1))
        return todays + Part.allCases.map { CallbackWindow(day: next, part: $0) }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.day, lhs.part == .morning ? 0 : 1) < (rhs.day, rhs.part == .morning ? 0 : 1)
    }
}
