import AppealsDomain
import AppealsServices
import AppealsWords
import Crypto
import Foundation
import Hummingbird

/// The citizen's appeal journey: find the ticket, say why, give contact details, check, send, get a reference.
/// Every answer is kept server-side in a draft bound to a cookie, so an error, a reload or the back button loses
/// nothing, uploaded files included.
struct AppealController: Sendable {
    let pages: PageRenderer
    let drafts: any DraftStore & OpenAppealFinder
    let tickets: any TicketRepository
    let cases: any CaseStore
    let clock: any WallClock
    let random: any RandomSource
    let timeZone: TimeZone
    let callingCode: String
    let appealWindowDays: Int
    let throttle: any LookUpLimiter
    /// People take longer than this to type a ticket number and a plate: a faster form is asked to press Continue
    /// again (autofill and password managers are fast too, so it is never refused).
    let minimumFillSeconds: TimeInterval
    let receiveEvidence: ReceiveEvidence
    let cookies: CookiePolicy

    static let cookie = "appeals_draft"

    func addRoutes(to router: RecordingRouter) {
        router.get("/appeal") { _, _ in Response.redirect(to: "/appeal/ticket", type: .normal) }
        router.get("/appeal/ticket") { request, context in
            var (token, draft) = try await load(request)
            if draft.submitted != nil { (token, draft) = (newToken(), AppealDraft()) }
            draft.ticketFormShownAt = clock.now()
            try await save(draft, token: token)
            return withCookie(
                try pages.render("appeal/ticket", page: TicketPage(csrf: context.csrfToken, draft: draft), context: context), token: token)
        }
        router.post("/appeal/ticket", use: findTicket)
        router.get("/appeal/details") { request, context in
            let (_, draft) = try await load(request)
            guard let ticket = try await ticket(of: draft) else { return Response.redirect(to: "/appeal/ticket", type: .normal) }
            return try pages.render(
                "appeal/details",
                page: DetailsPage(csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: appealWindowDays),
                context: context)
        }
        router.post("/appeal/details", use: saveDetails)
        addEvidenceRoutes(to: router)
        router.get("/appeal/contact") { request, context in
            let (_, draft) = try await load(request)
            guard draft.detailsDone else { return Response.redirect(to: "/appeal/details", type: .normal) }
            return try pages.render("appeal/contact", page: ContactPage(csrf: context.csrfToken, draft: draft), context: context)
        }
        router.post("/appeal/contact", use: saveContact)
        router.get("/appeal/check") { request, context in
            let (token, draft) = try await load(request)
            guard draft.contactDone, let ticket = try await ticket(of: draft) else {
                return Response.redirect(to: "/appeal/ticket", type: .normal)
            }
            let files = try await receiveEvidence.store.evidence(forDraft: Self.draftKey(token))
            return try pages.render(
                "appeal/check",
                page: CheckPage(
                    csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, files: files.map(EvidenceItem.init)
                ), context: context)
        }
        router.post("/appeal/check", use: submit)
        router.get("/appeal/confirmation") { request, context in
            // Shown once: the draft (and the cookie naming it) goes as the page is made, so the next person at a
            // shared computer finds neither the reference nor anything that was typed.
            let (token, draft) = try await load(request)
            guard let submitted = draft.submitted.flatMap(CaseReference.init), let loaded = try await cases.load(submitted) else {
                return try pages.render("appeal/confirmation-shown", page: EmptyPage(), context: context)
            }
            let rules = try await cases.deadlineRules(timeZone: timeZone)
            let deadlines = DeadlineSchedule.compute(
                for: loaded.record, history: loaded.history,
                policies: rules.policies, calendar: rules.calendar)
            func due(_ kind: DeadlineKind) -> String {
                deadlines.first { $0.kind == kind }?.explanation.due.map(LongDate.text) ?? ""
            }
            try await drafts.deleteDraft(token: token)
            var response = try pages.render(
                "appeal/confirmation",
                page: ConfirmationPage(
                    reference: submitted.grouped, acknowledgementBy: due(.acknowledgement), decisionBy: due(.decision),
                    email: draft.channel == "email" ? draft.email : nil, sms: draft.channel == "sms" ? draft.mobile : nil
                ), context: context)
            response.setCookie(cookies.cookie(Self.cookie, "", maxAge: 0, path: "/appeal", sameSite: .lax))
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
        var page = TicketPage(csrf: context.csrfToken, draft: draft)
        let number = TicketNumber(draft.ticketInput)
        let plate = PlateNumber(draft.plateInput)
        page.ticketMissing = draft.ticketInput.trimmingSpaces.isEmpty
        page.ticketInvalid = !page.ticketMissing && number == nil
        page.plateMissing = draft.plateInput.trimmingSpaces.isEmpty
        page.plateInvalid = !page.plateMissing && plate == nil
        if tooFast || filledHiddenField, !draft.askedToConfirm, number != nil, plate != nil {
            // A soft signal, never a verdict: what was typed stays, and the person is asked to press Continue again
            // (which a person does in a second; the look-up limit bounds whatever a script does).
            draft.askedToConfirm = true
            draft.ticketFormShownAt = clock.now()
            page.confirmAgain = true
            try await save(draft, token: token)
            return withCookie(try pages.render("appeal/ticket", page: page, context: context, status: .unprocessableContent), token: token)
        }
        if let number, let plate {
            if let ticket = try await tickets.ticket(number), ticket.plate.number == plate {
                if try await drafts.openCase(forTicket: number) != nil {
                    page.alreadyAppealed = true
                } else {
                    draft.ticketNumber = number.value
                    draft.late = clock.now() > ticket.issuedAt.addingTimeInterval(Double(appealWindowDays) * 86_400)
                    try await save(draft, token: token)
                    return withCookie(Response.redirect(to: "/appeal/details", type: .found), token: token)
                }
            } else {
                page.noMatch = true
            }
        }
        page.hasErrors = true
        try await save(draft, token: token)
        return withCookie(try pages.render("appeal/ticket", page: page, context: context, status: .unprocessableContent), token: token)
    }

    @Sendable func saveDetails(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, loaded) = try await load(request)
        var draft = loaded
        guard let ticket = try await ticket(of: draft) else { return Response.redirect(to: "/appeal/ticket", type: .found) }
        let form = try context.form(AppealDetailsForm.self)
        draft.grounds = form.grounds.map(\.rawValue)
        draft.statement = (form.statement ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        draft.lateReason = form.lateReason ?? ""
        let problems = draft.detailsProblems()
        draft.detailsDone = !problems.any
        try await save(draft, token: token)
        guard problems.any else { return Response.redirect(to: draft.contactDone ? "/appeal/check" : "/appeal/evidence", type: .found) }
        var page = DetailsPage(csrf: context.csrfToken, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: appealWindowDays)
        page.show(problems)
        return try pages.render("appeal/details", page: page, context: context, status: .unprocessableContent)
    }

    @Sendable func saveContact(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, loaded) = try await load(request)
        var draft = loaded
        guard draft.detailsDone else { return Response.redirect(to: "/appeal/details", type: .found) }
        let form = try context.form(ContactForm.self)
        draft.name = form.name ?? ""
        draft.address = form.address
        draft.email = form.email ?? ""
        draft.mobile = form.mobile ?? ""
        draft.channel = form.channel.flatMap { ["letter", "email", "sms"].contains($0) ? $0 : nil } ?? "letter"
        let problems = draft.contactProblems(callingCode: callingCode)
        draft.contactDone = !problems.any
        try await save(draft, token: token)
        guard problems.any else { return Response.redirect(to: "/appeal/check", type: .found) }
        var page = ContactPage(csrf: context.csrfToken, draft: draft)
        page.show(problems, draft: draft)
        return try pages.render("appeal/contact", page: page, context: context, status: .unprocessableContent)
    }

    /// Files the appeal, once (``fileOnce``): a double click or a resent form names the same case.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, draft) = try await load(request)
        if draft.submitted != nil { return Response.redirect(to: "/appeal/confirmation", type: .found) }
        guard let number = draft.ticketNumber.flatMap(TicketNumber.init), draft.detailsDone,
            !draft.detailsProblems().any, !draft.contactProblems(callingCode: callingCode).any
        else {
            return Response.redirect(to: "/appeal/ticket", type: .found)
        }
        let details = draft.details(callingCode: callingCode)
        let filed = try await Self.fileOnce(token: token, ticket: number, cases: cases) { reference in
            let evidence = try await receiveEvidence.store.evidence(forDraft: Self.draftKey(token)).map(\.id)
            _ = try await FileAppeal(
                cases: cases, tickets: tickets, clock: clock, timeZone: timeZone, appealWindowDays: appealWindowDays)(
                    ticket: number, grounds: draft.grounds.compactMap(Ground.init(rawValue:)), details: details, channel: .web,
                    by: .citizen, requestID: context.id, reference: reference, evidence: evidence
                )
        }
        try await save(draft.filed(as: filed), token: token)
        return Response.redirect(to: "/appeal/confirmation", type: .found)
    }

    /// Files a draft's appeal under the reference derived from its token: a second submit of the same draft finds the
    /// case the first filed. A case that already has the derived reference but another ticket is a clash (likely
    /// enough at a million cases): the next derivation is tried, so a clash never loses an appeal or joins it to
    /// someone else's case. Staff-entered appeals file the same way.
    static func fileOnce(
        token: String, ticket number: TicketNumber, cases: any CaseStore, file: (CaseReference) async throws -> Void
    ) async throws -> CaseReference {
        for attempt in 0..<referenceAttempts {
            let reference = reference(for: token, attempt: attempt)
            if let existing = try await cases.load(reference) {
                if existing.record.ticketNumber == number { return reference }  // this draft's, sent twice
                continue
            }
            do {
                try await file(reference)
                return reference
            } catch {
                // Two submits at once: the other one filed it; a case that appeared meanwhile with another ticket
                // is a clash like the one above; anything else is a real failure.
                guard let existing = try await cases.load(reference) else { throw error }
                if existing.record.ticketNumber == number { return reference }
            }
        }
        throw ReferenceClash()
    }

    /// Every derived reference was taken by other appeals (never seen: each try is a fresh 40-bit reference).
    struct ReferenceClash: Error {}

    // MARK: - Drafts

    func load(_ request: Request) async throws -> (String, AppealDraft) {
        guard let token = request.cookies[Self.cookie]?.value, token.count == 64, token.allSatisfy(\.isHexDigit),
            let data = try await drafts.loadDraft(token: token, now: clock.now()),
            let draft = try? JSONDecoder().decode(AppealDraft.self, from: data)
        else { return (newToken(), AppealDraft()) }
        return (token, draft)
    }

    func save(_ draft: AppealDraft, token: String) async throws {
        let now = clock.now()
        try await drafts.saveDraft(token: token, data: try JSONEncoder().encode(draft), now: now, expires: now.addingTimeInterval(86_400))
    }

    func withCookie(_ response: Response, token: String) -> Response {
        var response = response
        response.setCookie(cookies.cookie(Self.cookie, token, maxAge: 86_400, path: "/appeal", sameSite: .lax))
        return response
    }

    func ticket(of draft: AppealDraft) async throws -> Ticket? {
        guard let number = draft.ticketNumber.flatMap(TicketNumber.init) else { return nil }
        return try await tickets.ticket(number)
    }

    func newToken() -> String { random.hex(words: 4) }

    /// What the database knows a draft by: the SHA-256 of its cookie token (as `appeal_drafts` stores it).
    static func draftKey(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static let referenceAttempts = 8

    /// The draft's case reference; `attempt` > 0 gives the next ones, for a clash.
    static func reference(for token: String, attempt: Int = 0) -> CaseReference {
        let salt = attempt == 0 ? "case-reference:" : "case-reference:\(attempt):"
        let digest = Array(SHA256.hash(data: Data((salt + token).utf8)))
        return CaseReference(randomBits: digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

}
