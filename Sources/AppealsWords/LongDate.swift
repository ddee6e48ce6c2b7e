import AppealsDomain
import AppealsServices
import Foundation

/// A day written out as letters and pages show it ("7 December 2026"; ``DateWords``).
public enum LongDate {
    public static func text(_ date: LocalDate) -> String { text(date, in: .english) }

    public static func text(_ date: LocalDate, in words: Catalogue) -> String {
        let (year, month, day) = date.components
        return words(DateWords.dayMonthYear, ["day": "\(day)", "month": words(DateWords.months[month - 1]), "year": "\(year)"])
    }
}

extension LongDate {
    /// A moment written out in the calendar's time zone ("4 December 2026, 14:05").
    public static func moment(_ instant: Date, _ calendar: BusinessCalendar, in words: Catalogue = .english) -> String {
        let local = calendar.local(instant)
        let minutes = local.time.minutesSinceMidnight
        return words(
            DateWords.dayMonthYearTime,
            ["date": text(local.date, in: words), "time": String(format: "%02d:%02d", minutes / 60, minutes % 60)])
    }
}
