import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The supervisors' dashboard (auditors read it too): the measures for a period beside the previous one, the cases
/// behind every figure (as a page and as CSV), and the monthly report for publication.
struct DashboardController: Sendable {
    let pages: PageRenderer
    let dashboard: Dashboard
    let timeZone: TimeZone

    static let readers: Set<Role> = [.supervisor, .auditor]
    static let casesPerPage = 50
    /// The most rows one CSV export of a figure's cases carries.
    static let exportLimit = 100_000

    var calendar: BusinessCalendar { BusinessCalendar(timeZone: timeZone) }

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.dashboard, roles: Self.readers) { request, context, account in
            let choice = PeriodChoice(query: Self.query(request), today: dashboard.today)
            // A period that cannot be shown says why next to its field, over the last 30 days.
            let report = try await dashboard.report(choice.period ?? .last30Days(dashboard.today))
            return try pages.render(
                "staff/dashboard", page: DashboardPageBuilder(report: report).page(nav: nav(account, context), choice: choice),
                context: context, status: choice.hasProblem ? .unprocessableContent : .ok)
        }
        routes.get(StaffURL.dashboardCases, roles: Self.readers) { request, context, account in
            let value = Self.query(request)
            guard let period = PeriodChoice(query: value, today: dashboard.today).period, let figure = try FigureLink.figure(value)
            else { throw RequestError.malformed }
            if value("format") == "csv" { return try await csv(figure, period) }
            let page = try RequestNumber.parse(value("page"), in: RequestNumber.pages) ?? 1
            let rows = try await dashboard.cases(
                behind: figure, in: period, offset: (page - 1) * Self.casesPerPage, limit: Self.casesPerPage + 1)
            return try pages.render(
                "staff/dashboard-cases",
                page: FigureCasesPage(
                    nav: nav(account, context), figure: figure, period: period, rows: rows, page: page, perPage: Self.casesPerPage,
                    calendar: calendar, now: dashboard.now),
                context: context)
        }
        routes.get(StaffURL.dashboardReport, roles: Self.readers) { request, context, account in
            let monthText =
                request.uri.queryParameters["month"].map(String.init)
                ?? DashboardPageBuilder.lastMonth(before: dashboard.today)
            guard let period = Self.month(monthText), let previous = Self.month(DashboardPageBuilder.lastMonth(before: period.from))
            else { throw RequestError.malformed }
            let report = try await dashboard.report(period, against: previous)
            let published = MonthlyReport(report: report)
            if request.uri.queryParameters["format"] == "csv" {
                return Self.download(
                    Data(published.csv.utf8), name: "appeals-report-\(monthText).csv")
            }
            return try pages.render(
                "staff/dashboard-report", page: MonthlyReportPage(nav: nav(account, context), month: monthText, report: published),
                context: context)
        }
    }

    /// A query parameter by name, as text.
    static func query(_ request: Request) -> @Sendable (String) -> String? {
        let parameters = request.uri.queryParameters
        return { parameters[Substring($0)].map(String.init) }
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onDashboard = true
        return nav
    }

    /// `2026-11` as that month.
    static func month(_ text: String) -> ReportingPeriod? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = RequestNumber.valid(parts[0], in: 1970...9999),
            let month = RequestNumber.valid(parts[1], in: 1...12)
        else { return nil }
        return ReportingPeriod.month(year: year, month: month)
    }

    func csv(_ figure: CaseFigure, _ period: ReportingPeriod) async throws -> Response {
        var text = CSVText.line([
            "case_reference", "ticket_number", "plate", "state", "grounds", "assignee", "next_deadline", "late", "towed", "vulnerable",
            "repeat_contact", "escalated",
        ])
        var offset = 0
        while offset < Self.exportLimit {
            let rows = try await dashboard.cases(behind: figure, in: period, offset: offset, limit: 1_000)
            for r in rows {
                text += CSVText.line([
                    r.reference.value, r.ticketNumber.value, r.plate, r.state.rawValue, r.grounds.map(\.rawValue).joined(separator: " "),
                    r.assignee?.value ?? "", r.nextDueAt.map(ISO8601Timestamp.formatUTC) ?? "", "\(r.late)", "\(r.towed)",
                    "\(r.vulnerable)",
                    "\(r.repeatContact)", "\(r.escalated)",
                ])
            }
            guard rows.count == 1_000 else { break }
            offset += rows.count
        }
        return Self.download(Data(text.utf8), name: "appeals-\(period.from)-\(period.to).csv")
    }

    static func download(_ data: Data, name: String) -> Response {
        PrintRoomController.download(data, type: "text/csv; charset=utf-8", name: name)
    }
}
