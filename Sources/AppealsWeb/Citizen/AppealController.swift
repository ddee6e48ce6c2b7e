import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The citizen's appeal journey: find the ticket, say why, give contact details, check, send, get a reference.
/// Every answer is kept server-side in a draft bound to a cookie, so an error, a reload or the back button loses
/// nothing, uploaded files included.
struct AppealController: Sendable {
    let pages: PageRenderer
    let intake: AppealIntake
    let clock: any WallClock
    let throttle: any LookUpLimiter
    /// People take longer than this to type a ticket number and a plate: a faster form is asked to press Continue
    /// again (autofill and password managers are fast too, so it is never refused).
    let minimumFillSeconds: TimeInterval
    let receiveEvidence: ReceiveEvidence
    let cookies: CookiePolicy

    static let cookie = "appeals_draft"

    var timeZone: TimeZone { intake.timeZone }
    var callingCode: String { intake.callingCode }
    var appealWindowDays: Int { intake.appealWindowDays }

    func addRoutes(to router: RecordingRouter) {
        router.get(CitizenURL.appealStart) { _, _ in Response.redirect(to: CitizenURL.appeal(.ticket).path, type: .normal) }
        router.get(CitizenURL.appeal(.ticket)) { request, context in
            var (token, draft) = try await load(request)
            if draft.submitted != nil { (token, draft) = (newToken(), AppealDraft()) }
            draft.ticketFormShownAt = clock.now()
            try await save(draft, token: token)
            return withCookie(
                try pages.render("appeal/ticket", page: TicketPage(csrf: context.csrfToken, draft: draft), context: context), token: token)
        }
        router.post(CitizenURL.appeal(.ticket), use: findTicket)
        router.get(CitizenURL.appeal(.details)) { request, context in
            let (_, draft) = try await load(request)
            guard let ticket = try await ticket(of: draft) else {
                return Response.redirect(to: CitizenURL.appeal(.ticket).path, type: .normal)
            }
            return try pages.render(
                "appeal/details",
                page: DetailsPage(csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: appealWindowDays),
                context: context)
        }
        router.post(CitizenURL.appeal(.details), use: saveDetails)
        addEvidenceRoutes(to: router)
        router.get(CitizenURL.appeal(.contact)) { request, context in
            let (_, draft) = try await load(request)
            guard draft.detailsDone else { return Response.redirect(to: CitizenURL.appeal(.details).path, type: .normal) }
            return try pages.render("appeal/contact", page: ContactPage(csrf: context.csrfToken, draft: draft), context: context)
        }
        router.post(CitizenURL.appeal(.contact), use: saveContact)
        router.get(CitizenURL.appeal(.check)) { request, context in
            let (token, draft) = try await load(request)
            guard draft.contactDone, let ticket = try await ticket(of: draft) else {
                return Response.redirect(to: CitizenURL.appeal(.ticket).path, type: .normal)
            }
            let files = try await intake.files(of: token)
            return try pages.render(
                "appeal/check",
                page: CheckPage(
                    csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, files: files.map(EvidenceItem.init)
                ), context: context)
        }
        router.post(CitizenURL.appeal(.check), use: submit)
        router.get(CitizenURL.appeal(.confirmation)) { request, context in
            // Shown once: the draft (and the cookie naming it) goes as the page is made, so the next person at a
            // shared computer finds neither the reference nor anything that was typed.
            let (token, draft) = try await load(request)
            guard let submitted = draft.submitted.flatMap(CaseReference.init), let promised = try await intake.promises(of: submitted)
            else {
                return try pages.render("appeal/confirmation-shown", page: EmptyPage(), context: context)
            }
            try await intake.discard(token: token)
            var response = try pages.render(
                "appeal/confirmation",
                page: ConfirmationPage(
                    reference: submitted.grouped, acknowledgementBy: promised.acknowledgement.map(LongDate.text) ?? "",
                    decisionBy: promised.decision.map(LongDate.text) ?? "",
                    email: draft.channel == "email" ? draft.email : nil, sms: draft.channel == "sms" ? draft.mobile : nil
                ), context: context)
            response.setCookie(cookies.cookie(Self.cookie, "", maxAge: 0, path: CitizenURL.appealStart.path, sameSite: .lax))
            return response
        }
    }

    // MARK: - Steps

    @Sendable func findTicket(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await throttle.check(context.clientAddress)
        var (token, draft) = try await load(request)
        if draft.submitted != nil { (token, draft) = (newToken(), AppealDraft()) }  // a new appeal
        let tooFast = draft.ticketFormShownAt.map { clock.now().timeIntervalSince($0) < minimumFillSeconds } ?? true
        let form = try context.form(TicketLookUpForm.self)
        let filledHiddenField = !(form.website ?? "").isEmpty
        draft.ticketInput = form.ticketNumber ?? ""
        draft.plateInput = form.plate ?? ""
        // Checked as typed first: a form sent too fast is asked again before anything is looked up.
        if tooFast || filledHiddenField, !draft.askedToConfirm, TicketMatch(ticket: draft.ticketInput, plate: draft.plateInput).wellFormed {
            // A soft signal, never a verdict: what was typed stays, and the person is asked to press Continue again
            // (which a person does in a second; the look-up limit bounds whatever a script does).
            draft.askedToConfirm = true
            draft.ticketFormShownAt = clock.now()
            var page = TicketPage(csrf: context.csrfToken, draft: draft)
            page.confirmAgain = true
            try await save(draft, token: token)
            return withCookie(try pages.render("appeal/ticket", page: page, context: context, status: .unprocessableContent), token: token)
        }
        let match = try await intake.match(ticket: draft.ticketInput, plate: draft.plateInput)
        if let ticket = match.ticket {
            draft.ticketNumber = ticket.number.value
            draft.late = match.late
            try await save(draft, token: token)
            return withCookie(Response.redirect(to: CitizenURL.appeal(.details).path, type: .found), token: token)
        }
        var page = TicketPage(csrf: context.csrfToken, draft: draft, match: match)
        page.hasErrors = true
        try await save(draft, token: token)
        return withCookie(try pages.render("appeal/ticket", page: page, context: context, status: .unprocessableContent), token: token)
    }

    @Sendable func saveDetails(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, loaded) = try await load(request)
        var draft = loaded
        guard let ticket = try await ticket(of: draft) else { return Response.redirect(to: CitizenURL.appeal(.ticket).path, type: .found) }
        let form = try context.form(AppealDetailsForm.self)
        draft.grounds = form.grounds.map(\.rawValue)
        draft.statement = (form.statement ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        draft.lateReason = form.lateReason ?? ""
        let problems = draft.detailsProblems()
        draft.detailsDone = !problems.any
        try await save(draft, token: token)
        guard problems.any else {
            return Response.redirect(
                to: draft.contactDone ? CitizenURL.appeal(.check).path : CitizenURL.appeal(.evidence).path, type: .found)
        }
        var page = DetailsPage(csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: appealWindowDays)
        page.show(problems)
        return try pages.render("appeal/details", page: page, context: context, status: .unprocessableContent)
    }

    @Sendable func saveContact(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, loaded) = try await load(request)
        var draft = loaded
        guard draft.detailsDone else { return Response.redirect(to: CitizenURL.appeal(.details).path, type: .found) }
        let form = try context.form(ContactForm.self)
        draft.name = form.name ?? ""
        draft.address = form.address
        draft.email = form.email ?? ""
        draft.mobile = form.mobile ?? ""
        draft.channel = form.channel.flatMap { ["letter", "email", "sms"].contains($0) ? $0 : nil } ?? "letter"
        let problems = draft.contactProblems(callingCode: callingCode)
        draft.contactDone = !problems.any
        try await save(draft, token: token)
        guard problems.any else { return Response.redirect(to: CitizenURL.appeal(.check).path, type: .found) }
        var page = ContactPage(csrf: context.csrfToken, draft: draft)
        page.show(problems, draft: draft)
        return try pages.render("appeal/contact", page: page, context: context, status: .unprocessableContent)
    }

    /// Files the appeal, once (``AppealIntake/file(_:ticket:grounds:details:channel:by:requestID:receivedAt:)``): a double
    /// click or a resent form names the same case.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, draft) = try await load(request)
        if draft.submitted != nil { return Response.redirect(to: CitizenURL.appeal(.confirmation).path, type: .found) }
        guard let number = draft.ticketNumber.flatMap(TicketNumber.init), draft.detailsDone,
            !draft.detailsProblems().any, !draft.contactProblems(callingCode: callingCode).any
        else {
            return Response.redirect(to: CitizenURL.appeal(.ticket).path, type: .found)
        }
        let filed = try await intake.file(
            token, ticket: number, grounds: draft.grounds.compactMap(Ground.init(rawValue:)),
            details: draft.details(callingCode: callingCode),
            channel: .web, by: .citizen, requestID: context.id)
        try await save(draft.filed(as: filed), token: token)
        return Response.redirect(to: CitizenURL.appeal(.confirmation).path, type: .found)
    }

    // MARK: - Drafts

    func load(_ request: Request) async throws -> (DraftToken, AppealDraft) {
        guard let token = request.cookies[Self.cookie].flatMap({ DraftToken($0.value) }),
            let draft = try await intake.draft(AppealDraft.self, token: token)
        else { return (newToken(), AppealDraft()) }
        return (token, draft)
    }

    func save(_ draft: AppealDraft, token: DraftToken) async throws { try await intake.save(draft, token: token) }

    func withCookie(_ response: Response, token: DraftToken) -> Response {
        var response = response
        response.setCookie(cookies.cookie(Self.cookie, token.value, maxAge: 86_400, path: CitizenURL.appealStart.path, sameSite: .lax))
        return response
    }

    func ticket(of draft: AppealDraft) async throws -> Ticket? { try await intake.ticket(draft.ticketNumber) }

    func newToken() -> DraftToken { intake.newToken() }
}
