import AppealsDomain
import Foundation

/// The dashboard's aggregate queries over indexed columns, and the cases behind each figure.
public protocol MeasureQueries: Sendable {
    /// The counts for a period, whose days run from `start` up to `end` (exclusive), as at `now` (a deadline still
    /// open past its due time counts as missed).
    func figures(_ period: ReportingPeriod, start: Date, end: Date, now: Date) async throws -> PeriodFigures
    /// Appeals open now, by state and age.
    func openNow(now: Date) async throws -> [CaseState: [AgeBucket: Int]]
    /// A page of the cases behind a figure, newest first.
    func cases(
        behind figure: CaseFigure, in period: ReportingPeriod, start: Date, end: Date, now: Date, offset: Int, limit: Int
    ) async throws -> [QueueRow]
    /// The names of staff members, for the figures by reviewer.
    func staffNames(_ ids: Set<StaffID>) async throws -> [StaffID: String]
}
