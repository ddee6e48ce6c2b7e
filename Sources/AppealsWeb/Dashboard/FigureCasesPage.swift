import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The cases behind one figure of the dashboard, newest first, a page at a time, with the same export as CSV.
struct FigureCasesPage: Sendable, Encodable {
    let nav: StaffNav
    let title: String
    let periodText: String
    let label: MeasureLabel?
    let rows: [QueuePage.Row]
    let empty: Bool
    let page: Int
    let previous: String?
    let next: String?
    let csv: String
    let back: String

    init(
        nav: StaffNav, figure: CaseFigure, period: ReportingPeriod, rows: [QueueRow], page: Int, perPage: Int, calendar: BusinessCalendar,
        now: Date
    ) {
        self.nav = nav
        (title, label) = Self.describe(figure)
        if case .openNow = figure {
            periodText = "Today"
        } else {
            periodText = DashboardPageBuilder.span(period)
        }
        self.rows = QueuePage.rows(Array(rows.prefix(perPage)), calendar: calendar, now: now)
        empty = rows.isEmpty
        self.page = page
        let query = FigureLink.encode(PeriodChoice.query(period) + FigureLink.query(figure))
        previous = page > 1 ? StaffURL.dashboardCases.path(query: "\(query)&page=\(page - 1)") : nil
        next = rows.count > perPage ? StaffURL.dashboardCases.path(query: "\(query)&page=\(page + 1)") : nil
        csv = StaffURL.dashboardCases.path(query: "\(query)&format=csv")
        back = StaffURL.dashboard.path(query: FigureLink.encode(PeriodChoice.query(period)))
    }

    /// What the list is, in words: a title, and the fact it narrows to (in the fact's own words).
    static func describe(_ figure: CaseFigure) -> (String, MeasureLabel?) {
        switch figure {
        case .received(let channel): return (DashboardWords.appealsReceived.text, channel.map { MeasureLabel(lChannel: Label($0)) })
        case .concluded(let conclusion, let ground, let reviewer, let decisionsOnly):
            return (
                decisionsOnly
                    ? DashboardWords.decisionsMade.text
                    : reviewer.map { Catalogue.english(DashboardWords.decisionsBy, ["reviewer": $0.value]) }
                        ?? DashboardWords.appealsConcluded.text,
                conclusion.map { MeasureLabel(lConclusion: Label($0)) } ?? ground.map { MeasureLabel(lGround: Label($0)) }
            )
        case .deadline(let kind, let result):
            let title = [
                .onTime: DashboardWords.deadlineMetOnTime.text, .late: DashboardWords.deadlineMetLate.text,
                .missed: DashboardWords.deadlineMissed.text,
            ][result]
            return (title ?? "", MeasureLabel(lDeadline: Label(kind)))
        case .calls(let filter):
            let titles: [CaseFigure.CallFilter: String] = [
                .all: DashboardWords.appealsCalledAbout.text, .resolved: DashboardWords.appealsResolvedOnCall.text,
                .unresolved: DashboardWords.appealsNotResolvedOnCall.text, .repeats: DashboardWords.appealsCalledAgain.text,
            ]
            return (titles[filter] ?? "", nil)
        case .letters(let event):
            let titles: [CaseFigure.LetterEvent: String] = [
                .printed: DashboardWords.appealsLetterPrinted.text, .posted: DashboardWords.appealsLetterPosted.text,
                .returned: DashboardWords.appealsLetterReturned.text,
            ]
            return (titles[event] ?? "", nil)
        case .openAtEnd(let bucket): return (DashboardWords.appealsOpenAtEnd.text, bucket.map { .text($0.text) })
        case .openNow(let state, let bucket):
            return (DashboardWords.appealsOpenNow.text, state.map { MeasureLabel(lState: Label($0)) } ?? bucket.map { .text($0.text) })
        }
    }
}
