import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The reviewers' and supervisors' workspace: queues, the case page, and the actions on a case. Every route
/// declares its roles (StaffRoutes); every case, file and letter is checked against the viewer, and every action
/// offered, by ``CaseAccess``.
struct CaseWorkController {
    let pages: PageRenderer
    let cases: any CaseStore
    let queries: any CaseWorkQueries
    let engine: CaseEngine
    let evidence: any EvidenceStore
    let storage: any EvidenceStorage
    let clock: any WallClock
    let timeZone: TimeZone

    let access: CaseAccess
    /// The citizen's view of the case, for the script staff read to a caller.
    let statusLookUp: LookUpStatus
    let correctContact: CorrectContact
    let letters: any LetterStore
    let notifications: any NotificationStore
    let produceLetters: ProduceLetters
    let hearings: any HearingStore
    var scheduleHearing: ScheduleHearing { ScheduleHearing(store: hearings, cases: cases, clock: clock) }

    static let caseViewers = CaseAccess.viewers
    static let deciders = CaseAccess.deciders
    static let noteTakers = CaseAccess.noteTakers

    func addRoutes(to routes: StaffRoutes) {
        routes.get("/staff/queue", roles: Self.deciders) { request, context, account in
            var filter = QueueFilter(
                view: request.uri.queryParameters["view"] == "team" ? .team : .mine, staff: account.id, now: clock.now())
            filter.state = request.uri.queryParameters["state"].flatMap { CaseState(rawValue: String($0)) }
            filter.ground = request.uri.queryParameters["ground"].flatMap { Ground(rawValue: String($0)) }
            filter.overdueOnly = request.uri.queryParameters["overdue"] == "1"
            filter.page = try RequestNumber.parse(request.uri.queryParameters["page"], in: RequestNumber.pages) ?? 1
            let (rows, hasMore) = try await queries.queue(filter)
            let page = QueuePage(
                nav: nav(account, context, queue: true), filter: filter, rows: rows, hasMore: hasMore,
                calendar: try await rulesCalendar(), now: clock.now())
            return try pages.render("staff/queue", page: page, context: context)
        }
        routes.get("/staff/approvals", roles: [.supervisor]) { request, context, account in
            var filter = QueueFilter(view: .approvals, staff: account.id, now: clock.now())
            filter.page = try RequestNumber.parse(request.uri.queryParameters["page"], in: RequestNumber.pages) ?? 1
            let (rows, hasMore) = try await queries.queue(filter)
            var navigation = nav(account, context)
            navigation.onApprovals = true
            let calendar = try await rulesCalendar()
            var page = QueuePage(nav: navigation, filter: filter, rows: rows, hasMore: hasMore, calendar: calendar, now: clock.now())
            page.postmarks = try await queries.postmarksToConfirm(limit: 100).map {
                QueuePage.PostmarkRow($0, viewer: account.id, calendar: calendar)
            }
            return try pages.render("staff/queue", page: page, context: context)
        }
        routes.get("/staff/cases/{reference}", roles: Self.caseViewers) { request, context, account in
            let loaded = try await visibleCase(context, account)
            let timelinePage = try RequestNumber.parse(request.uri.queryParameters["timeline"], in: RequestNumber.pages) ?? 1
            return try await casePage(loaded, account: account, context: context, timelinePage: timelinePage)
        }
        routes.post("/staff/cases/{reference}/claim", roles: Self.deciders) { _, context, account in
            try await act(.claim, .claim, context, account)
        }
        routes.post("/staff/cases/{reference}/release", roles: Self.deciders) { _, context, account in
            try await act(.assign(nil), .release, context, account)
        }
        routes.post("/staff/cases/{reference}/start-review", roles: Self.deciders) { _, context, account in
            try await act(.startReview, .startReview, context, account)
        }
        routes.post("/staff/cases/{reference}/request-information", roles: Self.deciders) { _, context, account in
            let message = (try context.form(CaseActionForm.self).message ?? "").trimmingSpaces
            let loaded = try await visibleCase(context, account)
            guard !message.isEmpty else {
                return try await casePage(
                    loaded, account: account, context: context, problems: .init(messageMissing: true), status: .unprocessableContent)
            }
            let outbound = Interaction(
                at: clock.now(), channel: .web, direction: .outbound, actor: account.id.value,
                kind: .informationRequested, summary: message, isPublic: true)
            return try await act(.requestInformation, .requestInformation, context, account, interaction: outbound, loaded: loaded)
        }
        routes.post("/staff/cases/{reference}/note", roles: Self.noteTakers) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let note = (try context.form(NoteForm.self).note ?? "").trimmingSpaces
            guard !note.isEmpty else {
                return try await casePage(
                    loaded, account: account, context: context, problems: .init(noteMissing: true), status: .unprocessableContent)
            }
            try await cases.record([
                (
                    loaded.record.reference,
                    Interaction(
                        at: clock.now(), channel: .web, direction: .internal, actor: account.id.value, kind: .note, summary: note,
                        isPublic: false)
                )
            ])
            return Response.redirect(to: "/staff/cases/\(loaded.record.reference.value)#timeline", type: .found)
        }
        routes.post("/staff/cases/{reference}/decide", roles: Self.deciders) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let submission = try context.form(DecisionSubmission.self)
            let form = DecisionForm(submission, grounds: loaded.record.grounds)
            if submission.action == "edit" { return try await casePage(loaded, account: account, context: context, decision: form) }
            let problems = form.problems(ticketAmountCents: loaded.record.ticketAmountCents)
            guard !problems.any else {
                return try await casePage(
                    loaded, account: account, context: context, decision: form, problems: problems, status: .unprocessableContent)
            }
            guard submission.action == "confirm" else {
                // The letter exactly as it would be printed today: its words on the page, its PDF a click away.
                guard let file = try await queries.caseFile(loaded.record.reference),
                    let letter = try await produceLetters.preview(form.draft, of: loaded.record.reference, by: account.id)
                else { throw AppError.notFound }
                if submission.action == "pdf" {
                    return PrintRoomController.download(
                        letter.pdf, type: "application/pdf", name: "decision-preview-\(loaded.record.reference.value).pdf", inline: true)
                }
                return try pages.render(
                    "staff/decision-preview",
                    page: DecisionPreviewPage(
                        nav: nav(account, context), loaded: loaded, file: file, form: form, letter: letter, timeZone: timeZone
                    ), context: context)
            }
            return try await act(.decide(form.draft), .decide, context, account, decision: form, loaded: loaded)
        }
        routes.post("/staff/cases/{reference}/approve", roles: [.supervisor]) { _, context, account in
            try await act(.approveDecision, .approve, context, account)
        }
        routes.post("/staff/cases/{reference}/return", roles: [.supervisor]) { _, context, account in
            try await act(.returnDecision, .returnDecision, context, account, reason: try context.form(CaseActionForm.self).comment)
        }
        addCallerRoutes(to: routes)
        addEvidenceRoutes(to: routes)
        addSupervisionRoutes(to: routes)
        addHearingRoutes(to: routes)
    }

    // MARK: - Access

    /// The case named in the path, if this person may see it (``CaseAccess/mayView(_:_:)``).
    func visibleCase(_ context: AppRequestContext, _ account: StaffAccount) async throws -> LoadedCase {
        guard let reference = context.parameters.get("reference").flatMap(CaseReference.init),
            let loaded = try await cases.load(reference)
        else { throw AppError.notFound }
        guard access.mayView(loaded.record, account) else { throw AppError.notPermitted }
        return loaded
    }

    // MARK: - Acting

    /// The role in which this person may take `action` on this case now (``CaseAccess``), or 403.
    func permittedRole(_ action: CaseAction, on loaded: LoadedCase, _ account: StaffAccount) throws -> Role {
        guard access.availableActions(loaded.record, account).contains(action), let role = access.role(for: action, account) else {
            throw AppError.notPermitted
        }
        return role
    }

    /// Applies an action in the role ``CaseAccess`` gives the person for it; the workflow has the last word, and a
    /// refusal or a conflict comes back on the case page with its message, everything typed kept.
    func act(
        _ event: CaseEvent, _ action: CaseAction, _ context: AppRequestContext, _ account: StaffAccount,
        reason: String? = nil, interaction: Interaction? = nil, decision: DecisionForm? = nil, loaded alreadyLoaded: LoadedCase? = nil
    ) async throws -> Response {
        let loaded: LoadedCase
        if let alreadyLoaded { loaded = alreadyLoaded } else { loaded = try await visibleCase(context, account) }
        guard let role = access.role(for: action, account) else { throw AppError.notPermitted }
        let version = try RequestNumber.parse(try context.form(CaseActionForm.self).version, in: 0...Int(Int32.max))
        do {
            try await engine.apply(
                event, to: loaded.record.reference, by: account.actor(as: role), expectedVersion: version,
                reason: reason, requestID: context.id, interaction: interaction)
            return Response.redirect(to: "/staff/cases/\(loaded.record.reference.value)", type: .found)
        } catch let error as WorkflowError {
            return try await casePage(
                loaded, account: account, context: context, decision: decision,
                message: WorkflowMessages.text(for: error, timeZone: timeZone), status: .conflict)
        } catch is CaseChangedSinceRead {
            let fresh = try await cases.load(loaded.record.reference) ?? loaded
            return try await casePage(
                fresh, account: account, context: context, decision: decision, changedSinceRead: true, status: .conflict)
        }
    }

    func casePage(
        _ loaded: LoadedCase, account: StaffAccount, context: AppRequestContext, decision: DecisionForm? = nil,
        problems: CasePage.Problems = .init(), message: String? = nil, changedSinceRead: Bool = false,
        status: HTTPResponse.Status = .ok, timelinePage: Int = 1, call: CallPanel? = nil,
        contactForm: CasePage.ContactFormView? = nil, hearing: HearingPanel? = nil
    ) async throws -> Response {
        guard let file = try await queries.caseFile(loaded.record.reference) else { throw AppError.notFound }
        let rules = try await cases.deadlineRules(timeZone: timeZone)
        let deadlines = DeadlineSchedule.compute(
            for: loaded.record, history: loaded.history,
            policies: rules.policies, calendar: rules.calendar)
        let files = try await evidence.evidence(forCase: loaded.record.reference)
        let reviewers = account.roles.contains(.supervisor) ? try await queries.teamLoad(now: clock.now()) : []
        var page = CasePage(
            nav: nav(account, context), loaded: loaded, file: file, deadlines: deadlines, files: files, account: account,
            actions: access.availableActions(loaded.record, account), now: clock.now(), timeZone: timeZone,
            decision: decision ?? DecisionForm(grounds: loaded.record.grounds),
            problems: problems, message: message, changedSinceRead: changedSinceRead
        )
        page.reviewers = reviewers.filter { $0.id != loaded.record.assignee }.map {
            CasePage.ReviewerChoice(id: $0.id.value, name: $0.name, inHand: $0.inHand)
        }
        page.canAssign = !page.reviewers.isEmpty && page.can.assign
        if let call { page.call = call }
        page.contactForm =
            contactForm
            ?? file.appeal.map {
                let fields = AddressFields($0)
                return CasePage.ContactFormView(
                    ContactCorrection(
                        name: $0.contactName, address: fields.address, email: $0.email ?? "", mobile: $0.mobile ?? "",
                        channel: $0.preferredChannel.rawValue),
                    fields: fields)
            }
        page.script = try await statusLookUp.status(of: loaded.record.reference).map { StatusScript($0, timeZone: timeZone) }
        page.show(
            try await letters.letters(of: loaded.record.reference),
            failedMessages: try await notifications.failedMessages(of: loaded.record.reference, limit: 20), calendar: rules.calendar)
        if let hearing { page.hearing = hearing } else { page.hearing = try await hearingPanel(loaded, account) }
        page.showTimelinePage(timelinePage)
        return try pages.render("staff/case", page: page, context: context, status: status)
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext, queue: Bool = false) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onQueue = queue
        return nav
    }

    func rulesCalendar() async throws -> BusinessCalendar { try await cases.deadlineRules(timeZone: timeZone).calendar }
}
