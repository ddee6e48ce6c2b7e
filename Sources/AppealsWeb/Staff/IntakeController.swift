import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Appeals staff enter for citizens: an agent files one for a caller (assisted digital, channel phone), a clerk
/// one that came by post with its scanned letter (channel mail). The answers are checked by the citizen's rules,
/// files go through the same evidence pipeline, and the case is filed by the same `FileAppeal`.
struct IntakeController: Sendable {
    let pages: PageRenderer
    let drafts: any DraftStore & OpenAppealFinder
    let tickets: any TicketRepository
    let fileAppeal: FileAppeal
    let receiveEvidence: ReceiveEvidence
    let clock: any WallClock
    let random: any RandomSource
    let callingCode: String

    /// The roles the workflow lets file an appeal for someone else.
    static let intakers: Set<Role> = [.phoneAgent, .clerk]

    var timeZone: TimeZone { fileAppeal.timeZone }
    var today: LocalDate { BusinessCalendar(timeZone: timeZone).localDate(clock.now()) }

    func addRoutes(to routes: StaffRoutes) {
        routes.get("/staff/appeals/new", roles: Self.intakers) { request, context, account in
            var draft = IntakeDraft()
            if let token = request.uri.queryParameters["draft"].map(String.init), let saved = try await load(token, account) {
                return try form(token: token, draft: saved, account, context)
            }
            draft.answers.mobile = try context.query(IntakeStartForm.self, of: request).mobile ?? ""
            return try form(token: "", draft: draft, account, context)
        }
        routes.post("/staff/appeals/new", roles: Self.intakers, use: saveAnswers)
        routes.get("/staff/appeals/{draft}", roles: Self.intakers) { _, context, account in
            let (token, draft) = try await draft(context, account)
            return try await filesPage(token: token, draft: draft, account, context)
        }
        routes.post("/staff/appeals/{draft}/evidence", roles: Self.intakers) { request, context, account in
            let (token, draft) = try await draft(context, account)
            let form = try await receiveEvidence.readUpload(request, context: context)
            let rejected = try await receiveEvidence.receive(form.files, owner: .draft(key: AppealController.draftKey(token)))
            guard rejected.isEmpty else { return try await filesPage(token: token, draft: draft, account, context, rejected: rejected) }
            return Response.redirect(to: "/staff/appeals/\(token)", type: .found)
        }
        routes.post("/staff/appeals/{draft}/evidence/remove", roles: Self.intakers) { _, context, account in
            let (token, _) = try await draft(context, account)
            guard let id = try context.form(EvidenceRemovalForm.self).id.flatMap(EvidenceID.init) else { throw AppError.badRequest }
            try await receiveEvidence.remove(id, fromDraft: AppealController.draftKey(token))
            return Response.redirect(to: "/staff/appeals/\(token)", type: .found)
        }
        routes.get("/staff/appeals/{draft}/evidence/{id}/thumbnail", roles: Self.intakers) { _, context, account in
            let (token, _) = try await draft(context, account)
            guard let id = context.parameters.get("id").flatMap(EvidenceID.init),
                let record = try await receiveEvidence.store.evidence(id),
                record.draftKey == AppealController.draftKey(token), let thumbnail = record.thumbnail
            else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(try receiveEvidence.storage.read(thumbnail.key), name: "thumbnail.jpg")
        }
        routes.post("/staff/appeals/{draft}/file", roles: Self.intakers, use: file)
    }

    // MARK: - Steps

    @Sendable func saveAnswers(_ request: Request, context: AppRequestContext, account: StaffAccount) async throws -> Response {
        let form = try context.form(IntakeForm.self)
        var token = random.hex(words: 4)
        var draft = IntakeDraft()
        if let given = form.draft, !given.isEmpty {
            guard let saved = try await load(given, account) else { throw AppError.notFound }
            (token, draft) = (given, saved)
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

        var problems = IntakePage.Problems()
        let number = TicketNumber(draft.answers.ticketInput)
        let plate = PlateNumber(draft.answers.plateInput)
        problems.ticketMissing = draft.answers.ticketInput.trimmingSpaces.isEmpty
        problems.ticketInvalid = !problems.ticketMissing && number == nil
        problems.plateMissing = draft.answers.plateInput.trimmingSpaces.isEmpty
        problems.plateInvalid = !problems.plateMissing && plate == nil
        var ticket: Ticket?
        if let number, let plate {
            if let found = try await tickets.ticket(number), found.plate.number == plate {
                if try await drafts.openCase(forTicket: number) != nil { problems.alreadyAppealed = true } else { ticket = found }
            } else {
                problems.noMatch = true
            }
        }
        let received = receivedAt(draft) ?? clock.now()
        draft.answers.late = ticket.map { received > $0.issuedAt.addingTimeInterval(Double(fileAppeal.appealWindowDays) * 86_400) } ?? false
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
            try await save(draft, token: token)
            return Response.redirect(to: "/staff/appeals/\(token)", type: .found)
        }
        var page = IntakePage(
            nav: nav(account, context), token: form.draft ?? "", draft: draft, roles: account.roles,
            windowDays: fileAppeal.appealWindowDays, today: today)
        page.contact.show(contact, draft: draft.answers)
        page.problems = problems
        return try pages.render("staff/intake", page: page, context: context, status: .unprocessableContent)
    }

    /// Files the appeal, once, as the citizen's journey does (``AppealController/fileOnce``): a second press finds the
    /// case the first filed, and a reference that clashes with another case's takes the next derivation.
    @Sendable func file(_ request: Request, context: AppRequestContext, account: StaffAccount) async throws -> Response {
        let (token, draft) = try await draft(context, account)
        guard let channel = draft.channel, let role = IntakeDraft.filers[channel], account.roles.contains(role),
            let number = draft.answers.ticketNumber.flatMap(TicketNumber.init)
        else { return Response.redirect(to: "/staff/appeals/new?draft=\(token)", type: .found) }
        let files = try await receiveEvidence.store.evidence(forDraft: AppealController.draftKey(token))
        if channel == .mail, files.isEmpty { return try await filesPage(token: token, draft: draft, account, context, scanMissing: true) }
        let reference = try await AppealController.fileOnce(token: token, ticket: number, cases: fileAppeal.cases) { reference in
            _ = try await fileAppeal(
                ticket: number, grounds: draft.answers.grounds.compactMap(Ground.init(rawValue:)),
                details: draft.answers.details(callingCode: callingCode), channel: channel,
                by: Actor(role: role, staffID: account.id), requestID: context.id, reference: reference, evidence: files.map(\.id),
                receivedAt: receivedAt(draft))
        }
        try await drafts.deleteDraft(token: token)
        return Response.redirect(to: "/staff/cases/\(reference.value)", type: .found)
    }

    // MARK: - Pages and drafts

    func form(token: String, draft: IntakeDraft, _ account: StaffAccount, _ context: AppRequestContext) throws -> Response {
        let page = IntakePage(
            nav: nav(account, context), token: token, draft: draft, roles: account.roles,
            windowDays: fileAppeal.appealWindowDays, today: today)
        return try pages.render("staff/intake", page: page, context: context)
    }

    func filesPage(
        token: String, draft: IntakeDraft, _ account: StaffAccount, _ context: AppRequestContext,
        rejected: [EvidencePage.RejectedFile] = [], scanMissing: Bool = false
    ) async throws -> Response {
        guard let number = draft.answers.ticketNumber.flatMap(TicketNumber.init), let ticket = try await tickets.ticket(number) else {
            return Response.redirect(to: "/staff/appeals/new?draft=\(token)", type: .found)
        }
        let files = try await receiveEvidence.store.evidence(forDraft: AppealController.draftKey(token))
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

    func draft(_ context: AppRequestContext, _ account: StaffAccount) async throws -> (String, IntakeDraft) {
        guard let token = context.parameters.get("draft"), let draft = try await load(token, account) else { throw AppError.notFound }
        return (token, draft)
    }

    /// A draft this person started and has not filed yet (anyone else's is not found).
    func load(_ token: String, _ account: StaffAccount) async throws -> IntakeDraft? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit), let data = try await drafts.loadDraft(token: token, now: clock.now()),
            let draft = try? JSONDecoder().decode(IntakeDraft.self, from: data), draft.staff == account.id.value
        else { return nil }
        return draft
    }

    func save(_ draft: IntakeDraft, token: String) async throws {
        let now = clock.now()
        try await drafts.saveDraft(token: token, data: try JSONEncoder().encode(draft), now: now, expires: now.addingTimeInterval(86_400))
    }
}
