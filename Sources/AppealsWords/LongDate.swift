import AppealsDomain
import AppealsServices

/// A day written out as letters and pages show it ("7 December 2026").
public enum LongDate {
    public static func text(_ date: LocalDate) -> String { "\(DeadlineWording.dayMonth(date)) \(date.components.year)" }
}
