import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// Builds the page from a report: the words for each figure, its links and its chart.
struct DashboardPageBuilder {
    let report: DashboardReport

    var current: PeriodFigures { report.current }
    var previous: PeriodFigures { report.previous }

    func link(_ figure: CaseFigure, previous: Bool = false) -> String {
        let period = previous ? report.previousPeriod : report.period
        return StaffURL.dashboardCases.path(query: FigureLink.encode(PeriodChoice.query(period) + FigureLink.query(figure)))
    }

    /// A count for this period and the previous one, each linked to its cases.
    func counts(_ figure: CaseFigure, _ now: Int, _ before: Int) -> [DashboardPage.Cell] {
        [.init(text: now.formatted(), href: link(figure)), .init(text: before.formatted(), href: link(figure, previous: true))]
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
    }

    /// "75% of 8".
    static func percentOf(_ part: Int, _ whole: Int) -> String {
        Catalogue.english(DashboardWords.percentOf, ["percent": percent(part, of: whole), "total": whole.formatted()])
    }

    static func days(_ hours: Int?) -> String {
        guard let hours else { return "–" }
        let days = Double(hours) / 24
        return Catalogue.english(DashboardWords.daysShort, ["days": days < 10 ? String(format: "%.1f", days) : "\(Int(days.rounded()))"])
    }

    func page(nav: StaffNav, choice: PeriodChoice) -> DashboardPage {
        DashboardPage(
            nav: nav,
            choice: .init(
                week: choice.kind == .week, days30: choice.kind == .days30, range: choice.kind == .range,
                from: choice.kind == .range ? choice.fromText : report.period.from.description,
                to: choice.kind == .range ? choice.toText : report.period.to.description, fromProblem: choice.fromProblem,
                toProblem: choice.toProblem, hasProblem: choice.hasProblem),
            periodText: Self.span(report.period), previousText: Self.span(report.previousPeriod),
            deemed: current.deemedAcceptances > 0
                ? .init(
                    text: current.deemedAcceptances.formatted(),
                    href: link(.concluded(.deemedAccepted, ground: nil, reviewer: nil, decisionsOnly: false))) : nil,
            sections: [
                received, deadlines, timeToDecision, open, conclusions, phone, messages, openNow, byGround, byReviewer, letters,
            ].compactMap { $0 },
            reportMonth: Self.lastMonth(before: report.period.to),
            reportLink: StaffURL.dashboardReport.path(query: "month=\(Self.lastMonth(before: report.period.to))"))
    }

    static func span(_ period: ReportingPeriod) -> String {
        Catalogue.english(
            DashboardWords.span, ["from": LongDate.text(period.from), "to": LongDate.text(period.to), "days": "\(period.days)"])
    }

    /// The month before the one `day` is in, as `2026-11` (the monthly report's default).
    static func lastMonth(before day: LocalDate) -> String {
        let (year, month, _) = day.components
        return month == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1)
    }

    func chart(
        _ id: String, _ title: String, _ description: String, _ rows: [(MeasureLabel, Double, Double, String, String)], scale: Double? = nil
    )
        -> BarChart
    {
        BarChart(
            id: id, title: title, description: description,
            categories: rows.map { .init(label: $0.0, current: $0.1, previous: $0.2, currentText: $0.3, previousText: $0.4) }, scale: scale)
    }
}
