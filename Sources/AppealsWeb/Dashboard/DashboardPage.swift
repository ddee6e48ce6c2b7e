import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The supervisors' dashboard: each measure of docs/DOMAIN.md for the period beside the previous one, as a chart and a
/// table whose every number links to the cases behind it.
struct DashboardPage: Sendable, Encodable {
    let nav: StaffNav
    let choice: Choice
    let periodText: String
    let previousText: String
    let deemed: Cell?
    let sections: [Section]
    let reportMonth: String
    /// Last month's report for publication.
    let reportLink: String

    struct Choice: Sendable, Encodable {
        let week, days30, range: Bool
        let from, to: String
        let fromProblem, toProblem: String?
        let hasProblem: Bool
    }

    struct Section: Sendable, Encodable {
        let id: String
        let title: String
        let explain: String
        let chart: BarChart?
        /// Across both columns on a desk monitor (a table with many columns).
        var wide = false
        let columns: [String]
        let rows: [Row]
    }

    struct Row: Sendable, Encodable {
        let label: MeasureLabel
        let cells: [Cell]
    }

    struct Cell: Sendable, Encodable {
        let text: String
        let href: String?
        static func plain(_ text: String) -> Self { Self(text: text, href: nil) }
    }

    static func periodColumns(_ first: String) -> [String] { [first, DashboardWords.thisPeriod.text, DashboardWords.previousPeriod.text] }
}
