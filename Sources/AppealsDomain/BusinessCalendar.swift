import Foundation

/// The authority's working calendar: its time zone, working days and hours, and holidays.
///
/// All deadline arithmetic happens on ``LocalDate`` values, so daylight-saving changes cannot shift a date;
/// the time zone is used only to turn an instant into a local date and back.
public struct BusinessCalendar: Sendable, Equatable {
    public var timeZone: TimeZone
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    public var workingDays: Set<Int>
    public var opensAt: LocalTime
    public var closesAt: LocalTime
    public var holidays: Set<LocalDate>

    public init(
        timeZone: TimeZone, workingDays: Set<Int> = [1, 2, 3, 4, 5], opensAt: LocalTime = LocalTime(hour: 8),
        closesAt: LocalTime = LocalTime(hour: 18), holidays: Set<LocalDate> = []
    ) {
        self.timeZone = timeZone
        self.workingDays = workingDays
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.holidays = holidays
    }

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        workingDays.contains(date.isoWeekday) && !holidays.contains(date)
    }

    /// Why a date is not a business day, when it is not.
    public func closure(on date: LocalDate) -> Closure? {
        if holidays.contains(date) { return .holiday }
        return workingDays.contains(date.isoWeekday) ? nil : .nonWorkingDay
    }

    public enum Closure: Sendable, Equatable { case holiday, nonWorkingDay }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The local date of an instant, from the zone's offset alone (cheaper than `local(_:)` on a hot path).
    public func localDate(_ instant: Date) -> LocalDate {
        let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// The local date and minute of day of an instant.
    public func local(_ instant: Date) -> (date: LocalDate, time: LocalTime) {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (LocalDate(year: c.year!, month: c.month!, day: c.day!)!, LocalTime(hour: c.hour!, minute: c.minute!))
    }

    /// The instant a local date and time denote. In a spring-forward gap the next valid time is taken (the
    /// moment of the change); in an autumn fold, the first occurrence.
    ///
    /// Computed from the zone's UTC offsets rather than `Calendar.nextDate(after:matching:)`, which on Linux
    /// was seen to jump decades ahead for an ordinary date.
    public func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        let wall = Double(date.daysSinceEpoch * 86_400 + time.minutesSinceMidnight * 60)
        let before = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400)))
        let after = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400)))
        let candidates = Set([before, after]).map { wall - $0 }
            .filter { Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: $0))) == wall - $0 }
        if let first = candidates.min() { return Date(timeIntervalSince1970: first) }
        // In the gap: the wall time does not exist; the change itself is the next valid time.
        return timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: wall - before - 86_400))
            ?? Date(timeIntervalSince1970: wall - before)
    }

    /// The start of a local day (midnight, or the first instant of the day where midnight does not exist).
    public func startOfDay(_ date: LocalDate) -> Date { instant(date, LocalTime(hour: 0)) }

    /// The first business day on or after `date`.
    public func businessDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The business day an item received at `instant` counts as received: that day when it arrives on a
    /// business day before closing time, otherwise the next business day.
    public func receiptDay(of instant: Date) -> LocalDate {
        let (date, time) = local(instant)
        if isBusinessDay(date), time < closesAt { return date }
        return businessDay(onOrAfter: date.adding(days: 1))
    }

    /// `count` business days after `date` (count ≥ 0), with the non-business days skipped on the way.
    public func adding(businessDays count: Int, to date: LocalDate) -> (date: LocalDate, skipped: [SkippedDay]) {
        var day = date
        var remaining = count
        var skipped: [SkippedDay] = []
        while remaining > 0 {
            day = day.adding(days: 1)
            if let closure = closure(on: day) {
                skipped.append(SkippedDay(date: day, reason: closure))
            } else {
                remaining -= 1
            }
        }
        return (day, skipped)
    }

    /// `count` business days before `date`.
    public func subtracting(businessDays count: Int, from date: LocalDate) -> LocalDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: -1)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Business days d with start ≤ d < end.
    public func businessDays(from start: LocalDate, to end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start
        while day < end {
            if isBusinessDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    public struct SkippedDay: Sendable, Equatable {
        public let date: LocalDate
        public let reason: Closure
    }
}

extension BusinessCalendar {
    /// The last instant of a minute written as a browser's `datetime-local` gives it ("2026-12-04T14:30"), in this
    /// calendar's time zone: a cut-off that includes that whole minute. Nil for anything else.
    public func endOfMinute(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "T")
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return instant(day, LocalTime(hour: hour, minute: minute)).addingTimeInterval(59.999)
    }
}
