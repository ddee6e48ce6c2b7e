import AppealsDomain
import AppealsServices
import Foundation

/// A day written out as letters and pages show it ("7 December 2026").
public enum LongDate {
    public static func text(_ date: LocalDate) -> String { "\(DeadlineWording.dayMonth(date)) \(date.components.year)" }
}

extension LongDate {
    /// A moment written out in the calendar's time zone ("4 December 2026, 14:05").
    public static func moment(_ instant: Date, _ calendar: BusinessCalendar) -> String {
        let local = calendar.local(instant)
        let minutes = local.time.minutesSinceMidnight
        return "\(text(local.date)), " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
