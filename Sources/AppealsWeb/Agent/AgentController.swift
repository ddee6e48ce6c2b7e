import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Phone agents (and clerks, supervisors, auditors): the one search box, and the screen pop a telephony system
/// opens when a call arrives.
struct AgentController: Sendable {
    let pages: PageRenderer
    let findCases: FindCases
    let timeZone: TimeZone

    static let searchers: Set<Role> = [.phoneAgent, .clerk, .supervisor, .auditor]

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.agent, roles: Self.searchers) { request, context, account in
            let query = try context.query(SearchForm.self, of: request).q ?? ""
            var page = SearchPage(nav: nav(account, context), query: query)
            if !query.trimmingSpaces.isEmpty {
                page.show(try await findCases(query), timeZone: timeZone)
                page.wordRows(with: pages)
            }
            return try pages.render("agent/search", page: page, context: context)
        }
        routes.get(StaffURL.agentPop, roles: Self.searchers) { request, context, account in
            // A telephony system's link: "+" is the number's own, not a space.
            let caller = request.uri.queryParameters["caller"].map(String.init) ?? ""
            guard let (number, hits) = try await findCases.openCases(forCaller: caller) else {
                var page = SearchPage(nav: nav(account, context), query: caller)
                page.callerUnknown = true
                return try pages.render("agent/search", page: page, context: context, status: .unprocessableContent)
            }
            if hits.count == 1 { return Response.redirect(to: StaffURL.case(.value(hits[0].reference)).path, type: .found) }
            var page = SearchPage(nav: nav(account, context), query: number)
            page.caller = number
            if !account.roles.isDisjoint(with: IntakeController.intakers) {
                let query = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                page.startAppeal = StaffURL.intake.path(query: "mobile=\(query)")
            }
            page.show(FindCases.Found(readings: [.phone(number)], hits: hits, referenceTypo: false), timeZone: timeZone)
            page.wordRows(with: pages)
            return try pages.render("agent/search", page: page, context: context)
        }
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onSearch = true
        return nav
    }
}
