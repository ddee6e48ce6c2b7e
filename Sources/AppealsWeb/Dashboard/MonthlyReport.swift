import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The monthly report for publication: counts and shares only, no personal data (no names, references or
/// reviewers), this month beside the month before. As CSV and as a printable page.
struct MonthlyReport: Sendable, Encodable {
    let lines: [Line]
    let period: String
    let previous: String

    struct Line: Sendable, Encodable {
        let section: String
        let measure: String
        let value: String
        let previous: String
        let heading: Bool
    }

    init(report: DashboardReport) {
        let (now, before) = (report.current, report.previous)
        period = DashboardPageBuilder.span(report.period)
        previous = DashboardPageBuilder.span(report.previousPeriod)
        var lines: [Line] = []
        var section = ""
        func heading(_ text: String) {
            section = text
            lines.append(Line(section: text, measure: text, value: "", previous: "", heading: true))
        }
        func line(_ measure: String, _ value: (PeriodFigures) -> String) {
            lines.append(Line(section: section, measure: measure, value: value(now), previous: value(before), heading: false))
        }
        func count(_ measure: String, _ value: @escaping (PeriodFigures) -> Int) { line(measure) { value($0).formatted() } }
        heading(DashboardWords.appealsReceived.text)
        count(DashboardWords.onTheWeb.text) { $0.received[.web] ?? 0 }
        count(DashboardWords.byPhone.text) { $0.received[.phone] ?? 0 }
        count(DashboardWords.byPost.text) { $0.received[.mail] ?? 0 }
        count(DashboardWords.allChannels.text) { $0.receivedTotal }
        heading(DashboardWords.outcomesTitle.text)
        for conclusion in Conclusion.allCases {
            count(DashboardPageBuilder.conclusionName(conclusion)) { $0.conclusionTotals[conclusion] ?? 0 }
        }
        heading(DashboardWords.deadlinesTitle.text)
        for (kind, name) in [
            (DeadlineKind.acknowledgement, DashboardWords.acknowledgement.text), (.firstReview, DashboardWords.firstReview.text),
            (.decision, DashboardWords.decisionStatutory.text),
        ] {
            line(name) { f in
                let r = f.deadlines[kind] ?? .init()
                return DashboardPageBuilder.percent(r.onTime, of: r.total)
            }
        }
        heading(DashboardWords.timeTitle.text)
        line(DashboardWords.median.text) { DashboardPageBuilder.days($0.hoursToDecision(percentile: 0.5)) }
        line(DashboardWords.percentile90.text) { DashboardPageBuilder.days($0.hoursToDecision(percentile: 0.9)) }
        heading(DashboardWords.phoneTitle.text)
        count(DashboardWords.calls.text) { $0.calls }
        line(DashboardWords.resolvedOnFirstCall.text) { DashboardPageBuilder.percent($0.callsResolved, of: $0.calls) }
        line(DashboardWords.repeatContacts.text) { DashboardPageBuilder.percent($0.repeatCalls, of: $0.calls) }
        heading(DashboardWords.lettersTitle.text)
        count(DashboardWords.printed.text) { $0.lettersPrinted }
        count(DashboardWords.posted.text) { $0.lettersPosted }
        count(DashboardWords.returnedUndelivered.text) { $0.lettersReturned }
        heading(DashboardWords.openAppeals.text)
        count(DashboardWords.atEndOfMonth.text) { $0.openAtEndTotal }
        self.lines = lines
    }

    var csv: String {
        CSVText.line(["section", "measure", "this_month", "previous_month"])
            + lines.filter { !$0.heading }.map { CSVText.line([$0.section, $0.measure, $0.value, $0.previous]) }.joined()
    }
}

struct MonthlyReportPage: Sendable, Encodable {
    let nav: StaffNav
    let month: String
    let report: MonthlyReport
    /// The same report as CSV.
    let csv: String

    init(nav: StaffNav, month: String, report: MonthlyReport) {
        (self.nav, self.month, self.report) = (nav, month, report)
        csv = StaffURL.dashboardReport.path(query: "month=\(month)&format=csv")
    }
}
