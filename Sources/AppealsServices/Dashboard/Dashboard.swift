import AppealsDomain
import Foundation

/// The supervisors' dashboard: a period's measures beside the period before, and the appeals open now.
public struct Dashboard: Sendable {
    let queries: any MeasureQueries
    let calendar: BusinessCalendar
    let clock: any WallClock

    public init(queries: any MeasureQueries, calendar: BusinessCalendar, clock: any WallClock) {
        self.queries = queries
        self.calendar = calendar
        self.clock = clock
    }

    public var today: LocalDate { calendar.localDate(clock.now()) }
    public var now: Date { clock.now() }

    /// A page of the cases behind a figure (one more than `limit` when there are more).
    public func cases(behind figure: CaseFigure, in period: ReportingPeriod, offset: Int, limit: Int) async throws -> [QueueRow] {
        let (start, end) = period.instants(in: calendar)
        return try await queries.cases(behind: figure, in: period, start: start, end: end, now: clock.now(), offset: offset, limit: limit)
    }

    /// The period's figures beside those of `previous` (by default the days just before, as many).
    public func report(_ period: ReportingPeriod, against previous: ReportingPeriod? = nil) async throws -> DashboardReport {
        let now = clock.now()
        let earlier = previous ?? period.previous
        let (start, end) = period.instants(in: calendar)
        let (previousStart, previousEnd) = earlier.instants(in: calendar)
        async let current = queries.figures(period, start: start, end: end, now: now)
        async let before = queries.figures(earlier, start: previousStart, end: previousEnd, now: now)
        async let open = queries.openNow(now: now)
        let (figures, figuresBefore, openNow) = try await (current, before, open)
        let reviewers = Set(figures.decisionsByReviewer.keys).union(figuresBefore.decisionsByReviewer.keys)
        return DashboardReport(
            period: period, previousPeriod: earlier, current: figures, previous: figuresBefore, openNow: openNow,
            names: reviewers.isEmpty ? [:] : try await queries.staffNames(reviewers), now: now)
    }
}

public struct DashboardReport: Sendable, Equatable {
    public let period: ReportingPeriod
    public let previousPeriod: ReportingPeriod
    public let current: PeriodFigures
    public let previous: PeriodFigures
    public let openNow: [CaseState: [AgeBucket: Int]]
    public let names: [StaffID: String]
    public let now: Date
}

extension PeriodFigures {
    /// The whole hours to decision by which a share `p` (0.5 for the median, 0.9) of the period's decisions had
    /// been made (nearest rank); nil without a decision.
    public func hoursToDecision(percentile p: Double) -> Int? {
        let total = hoursToDecision.values.reduce(0, +)
        guard total > 0 else { return nil }
        let rank = max(1, Int((p * Double(total)).rounded(.up)))
        var seen = 0
        for (hours, count) in hoursToDecision.sorted(by: { $0.key < $1.key }) {
            seen += count
            if seen >= rank { return hours }
        }
        return nil
    }

    public var decisions: Int { hoursToDecision.values.reduce(0, +) }

    /// Conclusions by each ground raised (an appeal on two grounds counts under both).
    public var conclusionsByGround: [Ground: [Conclusion: Int]] {
        var result: [Ground: [Conclusion: Int]] = [:]
        for row in conclusions {
            for ground in row.grounds { result[ground, default: [:]][row.conclusion, default: 0] += row.count }
        }
        return result
    }

    public var conclusionTotals: [Conclusion: Int] {
        conclusions.reduce(into: [:]) { $0[$1.conclusion, default: 0] += $1.count }
    }

    public var deemedAcceptances: Int { conclusionTotals[.deemedAccepted] ?? 0 }
    public var receivedTotal: Int { received.values.reduce(0, +) }
    public var openAtEndTotal: Int { openAtEnd.values.reduce(0, +) }
}
