import AppealsDomain
import AppealsServices
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
        heading("Appeals received")
        count("On the web") { $0.received[.web] ?? 0 }
        count("By phone") { $0.received[.phone] ?? 0 }
        count("By post") { $0.received[.mail] ?? 0 }
        count("All channels") { $0.receivedTotal }
        heading("Outcomes")
        for conclusion in Conclusion.allCases {
            count(DashboardPageBuilder.conclusionName(conclusion)) { $0.conclusionTotals[conclusion] ?? 0 }
        }
        heading("Deadlines met on time")
        for (kind, name) in [
            (DeadlineKind.acknowledgement, "Acknowledgement"), (.firstReview, "First review"), (.decision, "Decision (statutory)"),
        ] {
            line(name) { f in
                let r = f.deadlines[kind] ?? .init()
                return DashboardPageBuilder.percent(r.onTime, of: r.total)
            }
        }
        heading("Time to decision")
        line("Median") { DashboardPageBuilder.days($0.hoursToDecision(percentile: 0.5)) }
        line("90th percentile") { DashboardPageBuilder.days($0.hoursToDecision(percentile: 0.9)) }
        heading("Phone enquiries")
        count("Calls") { $0.calls }
        line("Resolved on the first call") { DashboardPageBuilder.percent($0.callsResolved, of: $0.calls) }
        line("Repeat contacts") { DashboardPageBuilder.percent($0.repeatCalls, of: $0.calls) }
        heading("Letters")
        count("Printed") { $0.lettersPrinted }
        count("Posted") { $0.lettersPosted }
        count("Returned undelivered") { $0.lettersReturned }
        heading("Open appeals")
        count("At the end of the month") { $0.openAtEndTotal }
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
