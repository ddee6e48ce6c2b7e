import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The auditor's view of the trail: every audited event of one case or of the whole system, filtered by who,
/// what and when, and "Verify the chain", the check `appeals audit verify` runs.
///
/// Administrators read the trail too, to run the portal, but not the cases: the words of a case's events (a contact
/// correction's names and addresses, the vulnerable flag's reason, a returned decision's comment) are shown only to
/// those who may view that case (``CaseAccess``), auditors among them.
struct AuditTrailController: Sendable {
    let pages: PageRenderer
    let auditTrail: AuditTrail
    let clock: any WallClock
    let timeZone: TimeZone

    static let readers: Set<Role> = [.auditor, .administrator]
    static let perPage = 50

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.audit, roles: Self.readers) { request, context, account in
            try await trail(request, context, account)
        }
        routes.post(StaffURL.auditVerification, roles: Self.readers) { request, context, account in
            _ = try context.form(AuditVerifyForm.self)
            let started = ContinuousClock.now
            let result = try await auditTrail.verify()
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return try await trail(
                request, context, account,
                verification: .init(
                    intact: { if case .intact = result { true } else { false } }(), text: AuditMessages.text(for: result),
                    took: Catalogue.english(
                        StaffWords.auditChecked,
                        ["seconds": String(format: "%.1f", seconds), "moment": LongDate.moment(clock.now(), calendar)])))
        }
    }

    var calendar: BusinessCalendar { BusinessCalendar(timeZone: timeZone) }

    func trail(
        _ request: Request, _ context: AppRequestContext, _ account: StaffAccount, verification: AuditTrailPage.Verification? = nil
    ) async throws -> Response {
        let query = DashboardController.query(request)
        let form = AuditFilterForm(query: query, calendar: calendar)
        let page = try RequestNumber.parse(query("page"), in: RequestNumber.pages) ?? 1
        let events =
            form.hasProblem
            ? [] : try await auditTrail.events(form.filter, offset: (page - 1) * Self.perPage, limit: Self.perPage + 1)
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onAudit = true
        let readable = try await auditTrail.readableCases(of: events.prefix(Self.perPage), by: account)
        return try pages.render(
            "staff/audit",
            page: AuditTrailPage(
                nav: nav, form: form, kinds: try await auditTrail.kinds(), events: events, page: page,
                perPage: Self.perPage, calendar: calendar, verification: verification, mayRead: readable.contains),
            context: context, status: form.hasProblem ? .unprocessableContent : .ok)
    }
}

struct AuditVerifyForm: WebForm {}

/// The trail's filters as typed, each with its problem.
struct AuditFilterForm: Sendable {
    let caseText, actor, event, fromText, toText: String
    let caseProblem, fromProblem, toProblem: String?
    let filter: AuditFilter

    var hasProblem: Bool { caseProblem != nil || fromProblem != nil || toProblem != nil }

    init(query value: (String) -> String?, calendar: BusinessCalendar) {
        func text(_ name: String, _ limit: Int) -> String {
            String((value(name) ?? "").trimmingCharacters(in: .whitespaces).prefix(limit))
        }
        caseText = text("case", 40)
        actor = text("actor", 100)
        event = text("event", 60)
        fromText = text("from", 20)
        toText = text("to", 20)
        let reference = caseText.isEmpty ? nil : CaseReference(caseText)
        caseProblem =
            !caseText.isEmpty && reference == nil ? Catalogue.english(StaffWords.referenceInvalid) : nil
        let from = fromText.isEmpty ? nil : LocalDate(iso: fromText)
        let to = toText.isEmpty ? nil : LocalDate(iso: toText)
        fromProblem = !fromText.isEmpty && from == nil ? Catalogue.english(StaffWords.fromInvalid) : nil
        toProblem =
            !toText.isEmpty && to == nil
            ? Catalogue.english(StaffWords.toInvalid)
            : (from != nil && to != nil && to! < from! ? Catalogue.english(StaffWords.toBeforeFrom) : nil)
        filter = AuditFilter(
            caseReference: reference, actor: actor.isEmpty ? nil : actor, event: event.isEmpty ? nil : event,
            from: from.map(calendar.startOfDay), before: to.map { calendar.startOfDay($0.adding(days: 1)) })
    }

    /// The query that lists the same events (for the pages).
    var query: [(String, String)] {
        [("case", caseText), ("actor", actor), ("event", event), ("from", fromText), ("to", toText)].filter { !$0.1.isEmpty }
    }
}
