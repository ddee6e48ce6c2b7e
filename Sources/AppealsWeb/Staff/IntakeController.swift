import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Appeals staff enter for citizens: an agent files one for a caller (assisted digital, channel phone), a clerk
/// one that came by post with its scanned letter (channel mail). The answers are checked by the citizen's rules,
/// files go through the same evidence pipeline, and the case is filed by the same `FileAppeal`.
struct IntakeController: Sendable {
    let pages: PageRenderer
    let intake: AppealIntake
    let receiveEvidence: ReceiveEvidence
    let clock: any WallClock

    /// The roles the workflow lets file an appeal for someone else.
    static let intakers: Set<Role> = [.phoneAgent, .clerk]

    var timeZone: TimeZone { intake.timeZone }
    var callingCode: String { intake.callingCode }
    var today: LocalDate { BusinessCalendar(timeZone: timeZone).localDate(clock.now()) }

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.intake, roles: Self.intakers) { request, context, account in
            var draft = IntakeDraft()
            if let token = request.uri.queryParameters["draft"].flatMap({ DraftToken(String($0)) }),
                let saved = try await load(token, account)
            {
                return try form(token: token, draft: saved, account, context)
            }
            draft.answers.mobile = try context.query(IntakeStartForm.self, of: request).mobile ?? ""
            return try form(token: nil, draft: draft, account, context)
        }
        routes.post(StaffURL.intake, roles: Self.intakers, use: saveAnswers)
        routes.get(StaffURL.intakeDraft(.key), roles: Self.intakers) { _, context, account in
            let (token, draft) = try await draft(context, account)
            return try await filesPage(token: token, draft: draft, account, context)
        }
        routes.post(StaffURL.intakeForm(.key, .evidence), roles: Self.intakers) { request, context, account in
            let (token, draft) = try await draft(context, account)
            let form = try await receiveEvidence.readUpload(request, context: context)
            let rejected = try await receiveEvidence.receive(form.files, owner: .draft(key: token.key))
            guard rejected.isEmpty else { return try await filesPage(token: token, draft: draft, account, context, rejected: rejected) }
            return Response.redirect(to: StaffURL.intakeDraft(.value(token)).path, type: .found)
        }
        routes.post(StaffURL.intakeForm(.key, .evidenceRemoval), roles: Self.intakers) { _, context, account in
            let (token, _) = try await draft(context, account)
            guard let id = try context.form(EvidenceRemovalForm.self).id.flatMap(EvidenceID.init) else { throw RequestError.malformed }
            try await receiveEvidence.remove(id, fromDraft: token.key)
            return Response.redirect(to: StaffURL.intakeDraft(.value(token)).path, type: .found)
        }
        routes.get(StaffURL.intakeThumbnail(.key, .key), roles: Self.intakers) { _, context, account in
            let (token, _) = try await draft(context, account)
            guard let id = context.parameters.get("id").flatMap(EvidenceID.init),
                let thumbnail = try await receiveEvidence.thumbnail(id, of: .draft(key: token.key))
            else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(thumbnail, name: "thumbnail.jpg")
        }
        routes.post(StaffURL.intakeForm(.key, .file), roles: Self.intakers, use: file)
    }

    // MARK: - Steps

    @Sendable func saveAnswers(_ request: Request, context: AppRequestContext, account: StaffAccount) async throws -> Response {
        let form = try context.form(IntakeForm.self)
        var token = intake.newToken()
        var draft = IntakeDraft()
        var given: DraftToken?
        if let text = form.draft, !text.isEmpty {
            guard let saved = DraftToken(text), let draftSaved = try await load(saved, account) else { throw AppError.notFound }
            (token, draft, given) = (saved, draftSaved, saved)
        }
        draft.staff = account.id.value
        draft.answers.ticketInput = form.ticketNumber ?? ""
        draft.answers.plateInput = form.plate ?? ""
        draft.answers.grounds = form.grounds.map(\.rawValue)
        draft.answers.statement = (form.statement ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        draft.answers.lateReason = form.lateReason ?? ""
        draft.answers.name = form.contact.name ?? ""
        draft.answers.address = form.contact.address
        draft.answers.email = form.contact.email ?? ""
        draft.answers.mobile = form.contact.mobile ?? ""
        draft.answers.channel = form.contact.channel.flatMap { ["letter", "email", "sms"].contains($0) ? $0 : nil } ?? "letter"
        draft.arrivedBy = form.arrivedBy ?? ""
        draft.postedOn = draft.arrivedBy == "mail" ? (form.postedOn ?? "") : ""

        let match = try await intake.match(
            ticket: draft.answers.ticketInput, plate: draft.answers.plateInput, receivedAt: receivedAt(draft))
        var problems = IntakePage.Problems(match)
        let ticket = match.ticket
        draft.answers.late = match.late
        if let ticket { draft.answers.ticketNumber = ticket.number.value }
        let details = draft.answers.detailsProblems()
        problems.noGround = details.noGround
        problems.noStatement = details.noStatement
        problems.statementTooLong = details.statementTooLong
        problems.noLateReason = details.noLateReason
        let contact = draft.answers.contactProblems(callingCode: callingCode)
        problems.contact = contact.any
        // The channel must be one this person's roles file on (an agent takes calls, a clerk opens the post).
        problems.noArrival = draft.channel.flatMap { IntakeDraft.filers[$0] }.map { !account.roles.contains($0) } ?? true
        if draft.channel == .mail {
            problems.postedMissing = draft.postedOn.trimmingSpaces.isEmpty
            problems.postedInvalid = !problems.postedMissing && draft.postedDate(today: today) == nil
            if let ticket, let posted = draft.postedDate(today: today) {
                problems.postedBeforeTicket = BusinessCalendar(timeZone: timeZone).localDate(ticket.issuedAt) > posted
            }
        }
        guard problems.any else {
            try await intake.save(draft, token: token)
            return Response.redirect(to: StaffURL.intakeDraft(.value(token)).path, type: .found)
        }
        var page = IntakePage(
            nav: nav(account, context), token: given, draft: draft, roles: account.roles, windowDays: intake.appealWindowDays, today: today)
        page.contact.show(contact, draft: draft.answers)
        page.problems = problems
        return try pages.render("staff/intake", page: page, context: context, status: .unprocessableContent)
    }

    /// Files the appeal, once, as the citizen's journey does (``AppealIntake``): a second press finds the case the first
    /// filed, and a reference that clashes with another case's takes the next derivation.
    @Sendable func file(_ request: Request, context: AppRequestContext, account: StaffAccount) async throws -> Response {
        let (token, draft) = try await draft(context, account)
        guard let channel = draft.channel, let role = IntakeDraft.filers[channel], account.roles.contains(role),
            let number = draft.answers.ticketNumber.flatMap(TicketNumber.init)
        else { return Response.redirect(to: StaffURL.intake.path(query: "draft=\(token.value)"), type: .found) }
        if channel == .mail, try await intake.files(of: token).isEmpty {
            return try await filesPage(token: token, draft: draft, account, context, scanMissing: true)
        }
        let reference = try await intake.file(
            token, ticket: number, grounds: draft.answers.grounds.compactMap(Ground.init(rawValue:)),
            details: draft.answers.details(callingCode: callingCode), channel: channel, by: Actor(role: role, staffID: account.id),
            requestID: context.id, receivedAt: receivedAt(draft))
        try await intake.discard(token: token)
        return Response.redirect(to: StaffURL.case(.value(reference)).path, type: .found)
    }

    // MARK: - Pages and drafts

    func form(token: DraftToken?, draft: IntakeDraft, _ account: StaffAccount, _ context: AppRequestContext) throws -> Response {
        let page = IntakePage(
            nav: nav(account, context), token: token, draft: draft, roles: account.roles, windowDays: intake.appealWindowDays, today: today)
        return try pages.render("staff/intake", page: page, context: context)
    }

    func filesPage(
        token: DraftToken, draft: IntakeDraft, _ account: StaffAccount, _ context: AppRequestContext,
        rejected: [EvidencePage.RejectedFile] = [], scanMissing: Bool = false
    ) async throws -> Response {
        guard let ticket = try await intake.ticket(draft.answers.ticketNumber) else {
            return Response.redirect(to: StaffURL.intake.path(query: "draft=\(token.value)"), type: .found)
        }
        let files = try await intake.files(of: token)
        var page = IntakeFilesPage(
            nav: nav(account, context), token: token, draft: draft, ticket: ticket, timeZone: timeZone, files: files,
            limits: receiveEvidence.limits, rejected: rejected)
        page.scanMissing = scanMissing
        page.hasErrors = page.hasErrors || scanMissing
        return try pages.render("staff/intake-files", page: page, context: context, status: page.hasErrors ? .unprocessableContent : .ok)
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onIntake = true
        return nav
    }

    /// When an appeal by post counts as received: the start of its postmark's day, when that was before today
    /// (nil: now).
    func receivedAt(_ draft: IntakeDraft) -> Date? {
        guard draft.channel == .mail, let posted = draft.postedDate(today: today), posted < today else { return nil }
        return BusinessCalendar(timeZone: timeZone).startOfDay(posted)
    }

    func draft(_ context: AppRequestContext, _ account: StaffAccount) async throws -> (DraftToken, IntakeDraft) {
        guard let token = context.parameters.get("draft").flatMap(DraftToken.init), let draft = try await load(token, account) else {
            throw AppError.notFound
        }
        return (token, draft)
    }

    /// A draft this person started and has not filed yet (anyone else's is not found).
    func load(_ token: DraftToken, _ account: StaffAccount) async throws -> IntakeDraft? {
        guard let draft = try await intake.draft(IntakeDraft.self, token: token), draft.staff == account.id.value else { return nil }
        return draft
    }
}
