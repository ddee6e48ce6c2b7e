import Foundation

/// How a due date was reached, as facts each channel can word ("56 calendar days from 3 March, plus 6 days
/// paused while awaiting the citizen = 4 May").
public struct DeadlineExplanation: Sendable, Equatable {
    public let policy: DeadlinePolicy
    /// The day counting starts from (the receipt day, or the day information was requested).
    public let start: LocalDate
    /// Whether `start` was moved from the day of arrival (after hours, weekend or holiday).
    public let arrivedOn: LocalDate
    /// Days added because the case awaited the citizen, in the policy's unit.
    public let pausedDays: Int
    public let skippedDays: [BusinessCalendar.SkippedDay]
    /// The due date, when the deadline is not paused.
    public let due: LocalDate?
    /// The decision deadline counted from receipt fell before the case had its minimum time open to review after
    /// entry: `due` is the end of that time instead (and supervisors are warned).
    public var movedForMinimumReview = false
}
