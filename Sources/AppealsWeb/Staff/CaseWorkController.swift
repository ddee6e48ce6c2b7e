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
    let work: CaseWorkUseCases
    let timeZone: TimeZone

    var access: CaseAccess { work.access }

    static let caseViewers = CaseAccess.viewers
    static let deciders = CaseAccess.deciders
    static let noteTakers = CaseAccess.noteTakers

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.queue, roles: Self.deciders) { request, context, account in
            var filter = QueueFilter(
                view: request.uri.queryParameters["view"] == "team" ? .team : .mine, staff: account.id, now: work.clock.now())
            filter.state = request.uri.queryParameters["state"].flatMap { CaseState(rawValue: String($0)) }
            filter.ground = request.uri.queryParameters["ground"].flatMap { Ground(rawValue: String($0)) }
            filter.overdueOnly = request.uri.queryParameters["overdue"] == "1"
            filter.page = try RequestNumber.parse(request.uri.queryParameters["page"], in: RequestNumber.pages) ?? 1
            let queue = try await work.queues.page(filter)
            let page = QueuePage(
                nav: nav(account, context, queue: true), filter: filter, rows: queue.rows, hasMore: queue.hasMore,
                calendar: queue.calendar, now: filter.now)
            return try pages.render("staff/queue", page: page, context: context)
        }
        routes.get(StaffURL.approvals, roles: [.supervisor]) { request, context, account in
            var filter = QueueFilter(view: .approvals, staff: account.id, now: work.clock.now())
            filter.page = try RequestNumber.parse(request.uri.queryParameters["page"], in: RequestNumber.pages) ?? 1
            let queue = try await work.queues.page(filter)
            var navigation = nav(account, context)
            navigation.onApprovals = true
            var page = QueuePage(
                nav: navigation, filter: filter, rows: queue.rows, hasMore: queue.hasMore, calendar: queue.calendar, now: filter.now)
            page.postmarks = try await work.queues.postmarksToConfirm(limit: 100).map {
                QueuePage.PostmarkRow($0, viewer: account.id, calendar: queue.calendar)
            }
            return try pages.render("staff/queue", page: page, context: context)
        }
        routes.get(StaffURL.case(.key), roles: Self.caseViewers) { request, context, account in
            let loaded = try await visibleCase(context, account)
            let timelinePage = try RequestNumber.parse(request.uri.queryParameters["timeline"], in: RequestNumber.pages) ?? 1
            // Opened from the Callbacks due list: the call logged here is that call back, even before its window.
            var call = CallPanel()
            call.callback = request.uri.queryParameters["callback"] == "1"
            return try await casePage(loaded, account, context, .init(timelinePage: timelinePage, call: call))
        }
        routes.post(StaffURL.caseForm(.key, .claim), roles: Self.deciders) { _, context, account in
            try await act(.claim, .claim, context, account)
        }
        routes.post(StaffURL.caseForm(.key, .release), roles: Self.deciders) { _, context, account in
            try await act(.assign(nil), .release, context, account)
        }
        routes.post(StaffURL.caseForm(.key, .startReview), roles: Self.deciders) { _, context, account in
            try await act(.startReview, .startReview, context, account)
        }
        routes.post(StaffURL.caseForm(.key, .requestInformation), roles: Self.deciders) { _, context, account in
            let message = (try context.form(CaseActionForm.self).message ?? "").trimmingSpaces
            let loaded = try await visibleCase(context, account)
            guard !message.isEmpty else {
                return try await casePage(
                    loaded, account, context, .init(problems: .init(messageMissing: true)), status: .unprocessableContent)
            }
            let outbound = Interaction(
                at: work.clock.now(), channel: .web, direction: .outbound, actor: account.id.value,
                kind: .informationRequested, summary: message, isPublic: true)
            return try await act(.requestInformation, .requestInformation, context, account, interaction: outbound, loaded: loaded)
        }
        routes.post(StaffURL.caseForm(.key, .note), roles: Self.noteTakers) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let note = (try context.form(NoteForm.self).note ?? "").trimmingSpaces
            guard !note.isEmpty else {
                return try await casePage(
                    loaded, account, context, .init(problems: .init(noteMissing: true)), status: .unprocessableContent)
            }
            try await work.addNote(note, to: loaded.record.reference, by: account.id)
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path(fragment: "timeline"), type: .found)
        }
        routes.post(StaffURL.caseForm(.key, .decide), roles: Self.deciders) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let submission = try context.form(DecisionSubmission.self)
            let form = DecisionForm(submission, grounds: loaded.record.grounds)
            if submission.action == "edit" { return try await casePage(loaded, account, context, .init(decision: form)) }
            let problems = form.problems(ticketAmountCents: loaded.record.ticketAmountCents)
            guard !problems.any else {
                return try await casePage(
                    loaded, account, context, .init(decision: form, problems: problems), status: .unprocessableContent)
            }
            guard submission.action == "confirm" else {
                // The letter exactly as it would be printed today: its words on the page, its PDF a click away.
                let file = try await work.workspace.file(of: loaded.record.reference)
                guard let letter = try await work.produceLetters.preview(form.draft, of: loaded.record.reference, by: account.id) else {
                    throw AppError.notFound
                }
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
        routes.post(StaffURL.caseForm(.key, .approve), roles: [.supervisor]) { _, context, account in
            try await act(.approveDecision, .approve, context, account)
        }
        routes.post(StaffURL.caseForm(.key, .return), roles: [.supervisor]) { _, context, account in
            try await act(.returnDecision, .returnDecision, context, account, reason: try context.form(CaseActionForm.self).comment)
        }
        addCallerRoutes(to: routes)
        addEvidenceRoutes(to: routes)
        addSupervisionRoutes(to: routes)
        addHearingRoutes(to: routes)
        addWritingRoutes(to: routes)
    }

    // MARK: - Access

    /// The case named in the path, if this person may see it (``CaseAccess/mayView(_:_:)``).
    func visibleCase(_ context: AppRequestContext, _ account: StaffAccount) async throws -> LoadedCase {
        try await work.workspace.visibleCase(context.parameters.get("reference").flatMap(CaseReference.init), to: account)
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
            try await work.engine.apply(
                event, to: loaded.record.reference, by: account.actor(as: role), expectedVersion: version,
                reason: reason, requestID: context.id, interaction: interaction)
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path, type: .found)
        } catch let error as WorkflowError {
            return try await casePage(
                loaded, account, context, .init(decision: decision, message: WorkflowMessages.text(for: error, timeZone: timeZone)),
                status: .conflict)
        } catch is CaseChangedSinceRead {
            return try await casePage(
                try await work.workspace.reloaded(loaded), account, context, .init(decision: decision, changedSinceRead: true),
                status: .conflict)
        }
    }

    /// The case page: the workspace's one read, and the page built from its facts and what the request left.
    func casePage(
        _ loaded: LoadedCase, _ account: StaffAccount, _ context: AppRequestContext, _ state: CasePageState = .init(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let facts = try await work.workspace.facts(loaded, for: account)
        var page = CasePageBuilder(facts: facts, viewer: account, access: access, timeZone: timeZone)
            .page(nav: nav(account, context), state: state)
        page.written = state.written
        return try pages.render("staff/case", page: page, context: context, status: status)
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext, queue: Bool = false) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onQueue = queue
        return nav
    }
}
