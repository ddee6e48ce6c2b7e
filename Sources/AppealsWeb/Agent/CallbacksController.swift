import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The Callbacks due list (agents and supervisors work it in the order the calls are due: the case, the number as
/// a `tel:` link, why; a missed window flagged) and booking a call back for a caller from the case page.
struct CallbacksController: Sendable {
    let pages: PageRenderer
    let callbacks: Callbacks
    let workspace: CaseWorkspace
    let timeZone: TimeZone

    static let perPage = 100

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.callbacks, roles: Callbacks.workers) { _, context, account in
            var nav = StaffNav(account, csrf: context.csrfToken)
            nav.onCallbacks = true
            let open = try await callbacks.open(limit: Self.perPage)
            return try pages.render(
                "staff/callbacks", page: CallbacksPage(nav: nav, open: open, calendar: BusinessCalendar(timeZone: timeZone)),
                context: context)
        }
        routes.post(StaffURL.caseForm(.key, .callback), roles: Callbacks.workers) { _, context, account in
            let loaded = try await workspace.visibleCase(context.parameters.get("reference").flatMap(CaseReference.init), to: account)
            let reference = loaded.record.reference
            let form = try context.form(BookCallbackForm.self)
            var page = BookCallbackPage(nav: StaffNav(account, csrf: context.csrfToken), reference: reference, form: form)
            if let open = try await callbacks.open(of: reference) {
                page.booked = CallbackPage.words(open.window)
            } else if form.confirm == "yes" {
                do {
                    _ = try await callbacks.book(
                        reference, windowID: form.window ?? "", phone: form.phone ?? "", reason: form.reason ?? "", by: account.id.value)
                    return Response.redirect(to: StaffURL.case(.value(reference)).path(fragment: "timeline"), type: .found)
                } catch let problem as Callbacks.Problem {
                    switch problem {
                    case .noWindow: page.windowMissing = true
                    case .phoneNeeded: page.phoneNeeded = true
                    case .badPhone: page.phoneInvalid = true
                    case .alreadyBooked(let window): page.booked = CallbackPage.words(window)
                    }
                    page.hasErrors = page.booked == nil
                }
            }
            page.windows = try await callbacks.choices().windows.map {
                .init(id: $0.id, words: CallbackPage.words($0), checked: $0.id == form.window)
            }
            return try pages.render(
                "staff/book-callback", page: page, context: context, status: page.hasErrors ? .unprocessableContent : .ok)
        }
    }
}

struct BookCallbackForm: WebForm {
    let window: String?
    let phone: String?
    let reason: String?
    let confirm: String?
}

/// Booking a call back for a caller: the windows on offer, the number, why.
struct BookCallbackPage: Sendable, Encodable {
    let nav: StaffNav
    let grouped: String
    let links: CaseLinks
    var phone: String
    var reason: String
    var windows: [CallbackPage.Choice] = []
    /// The case has a call back booked already (when).
    var booked: String?
    var windowMissing = false
    var phoneNeeded = false
    var phoneInvalid = false
    var hasErrors = false

    init(nav: StaffNav, reference: CaseReference, form: BookCallbackForm) {
        self.nav = nav
        grouped = reference.grouped
        links = CaseLinks(reference)
        phone = String((form.phone ?? "").prefix(40))
        reason = String((form.reason ?? "").prefix(500))
    }
}

/// The Callbacks due list.
struct CallbacksPage: Sendable, Encodable {
    let nav: StaffNav
    let callbacks: [Line]
    let count: Int
    let isEmpty: Bool
    let more: Bool

    struct Line: Sendable, Encodable {
        let when: String
        let missed: Bool
        let grouped: String
        let caseURL: String
        let phone: String
        let reason: String
        let hasReason: Bool
        let requestedBy: String
        let byCitizen: Bool
    }

    init(nav: StaffNav, open: (callbacks: [Callback], count: Int), calendar: BusinessCalendar) {
        self.nav = nav
        count = open.count
        isEmpty = open.callbacks.isEmpty
        more = open.count > open.callbacks.count
        callbacks = open.callbacks.map { callback in
            Line(
                when: CallbackPage.words(callback.window), missed: callback.status == .missed, grouped: callback.reference.grouped,
                caseURL: StaffURL.case(.value(callback.reference)).path(query: "callback=1", fragment: "call-heading"),
                phone: callback.phone,
                reason: callback.reason, hasReason: !callback.reason.isEmpty, requestedBy: callback.requestedBy,
                byCitizen: callback.requestedBy == "citizen")
        }
    }
}
