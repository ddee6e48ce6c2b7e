import AppealsDomain
import Foundation

/// Applies a person's action to a case: checks it with the workflow, recomputes what it affects, and writes it
/// all in one transaction with its audit event. The one way staff and citizens change a case.
public struct CaseEngine: Sendable {
    public let store: any CaseStore
    public let clock: any WallClock
    public let workflow: Workflow
    public let timeZone: TimeZone

    public init(store: any CaseStore, clock: any WallClock, workflow: Workflow = Workflow(), timeZone: TimeZone) {
        self.store = store
        self.clock = clock
        self.workflow = workflow
        self.timeZone = timeZone
    }

    /// - Parameter expectedVersion: the version the actor saw; a newer stored version is a conflict, so that two
    ///   people acting at once never overwrite each other. Nil means "whatever is current" (automatic actions).
    /// - Throws: ``WorkflowError`` when the action is not allowed, ``CaseChangedSinceRead`` on a conflict,
    ///   ``AppError/notFound`` when there is no such case.
    @discardableResult
    ///   - interaction: a timeline entry written with the change, in the same transaction (the citizen's answer).
    public func apply(
        _ event: CaseEvent, to reference: CaseReference, by actor: Actor, expectedVersion: Int? = nil,
        reason: String? = nil, requestID: String? = nil, interaction: Interaction? = nil
    ) async throws -> CaseChange {
        guard let loaded = try await store.load(reference) else { throw AppError.notFound }
        if let expectedVersion, expectedVersion != loaded.record.version {
            throw CaseChangedSinceRead(reference: reference)
        }
        let rules = try await store.deadlineRules(timeZone: timeZone)
        var builder = CaseChangeBuilder(loaded: loaded, rules: rules)
        let statutoryDue = builder.deadlines.first { $0.kind == .decision }?.dueAt
        let transition = try workflow.apply(event, to: loaded.record, by: actor, at: clock.now(), statutoryDue: statutoryDue)
        builder.record(transition, requestID: requestID, reason: reason)
        var change = builder.build()
        if let interaction { change.interactions.append(interaction) }
        try await store.commit(change)
        return change
    }

    /// Records a contact from the citizen (a logged call) with its timeline entry, and counts it towards repeat
    /// contacts (two or more raise the case's priority, as docs/DOMAIN.md says). Changes no state.
    /// - Throws: ``CaseChangedSinceRead`` when the case changed since `expectedVersion`.
    @discardableResult
    public func recordContact(_ interaction: Interaction, on reference: CaseReference, expectedVersion: Int? = nil) async throws
        -> CaseChange
    {
        guard let loaded = try await store.load(reference) else { throw AppError.notFound }
        if let expectedVersion, expectedVersion != loaded.record.version { throw CaseChangedSinceRead(reference: reference) }
        var builder = CaseChangeBuilder(loaded: loaded, rules: try await store.deadlineRules(timeZone: timeZone))
        builder.countContact()
        var change = builder.build()
        change.interactions.append(interaction)
        if let call = interaction.call {
            let key = (call.resolvedOnCall ? "resolved" : "unresolved") + (loaded.record.contactCount > 0 ? "|repeat" : "|first")
            change.measures.append(
                MeasureCount(day: BusinessCalendar(timeZone: timeZone).localDate(interaction.at), measure: .call, key: key))
        }
        try await store.commit(change)
        return change
    }

    /// Marks that a message from the citizen waits on the case (`waiting`), or that someone who works the case opened
    /// it: the queues show it and the priority follows. Nothing when it is so already; another change at the same
    /// moment is retried against the case as it now is.
    public func setMessageWaiting(_ waiting: Bool, on reference: CaseReference) async throws {
        var attempt = 1
        while true {
            guard let loaded = try await store.load(reference) else { throw AppError.notFound }
            guard loaded.record.messageWaiting != waiting else { return }
            var builder = CaseChangeBuilder(loaded: loaded, rules: try await store.deadlineRules(timeZone: timeZone))
            builder.setMessageWaiting(waiting)
            do {
                try await store.commit(builder.build())
                return
            } catch is CaseChangedSinceRead where attempt < 5 {
                attempt += 1
            }
        }
    }

    /// Sets or clears the vulnerable-citizen flag with the reason, audited; the priority follows.
    /// - Throws: ``CaseChangedSinceRead`` when the case changed since `expectedVersion`.
    public func setVulnerable(
        _ flag: Bool, reason: String, on reference: CaseReference, by actor: Actor, expectedVersion: Int?, requestID: String? = nil
    ) async throws {
        guard let loaded = try await store.load(reference) else { throw AppError.notFound }
        if let expectedVersion, expectedVersion != loaded.record.version { throw CaseChangedSinceRead(reference: reference) }
        var builder = CaseChangeBuilder(loaded: loaded, rules: try await store.deadlineRules(timeZone: timeZone))
        builder.setVulnerable(flag, reason: reason, by: actor, at: clock.now(), requestID: requestID)
        try await store.commit(builder.build())
    }

    /// A supervisor confirms (or rejects) the postmark a clerk entered long before the day of entry. Never by the
    /// person who entered it: one member of staff alone cannot date an appeal into a deadline already past.
    /// - Throws: ``PostmarkReviewError`` when there is nothing to confirm or the supervisor entered it;
    ///   ``CaseChangedSinceRead`` when the case changed since `expectedVersion`.
    public func reviewPostmark(
        _ reference: CaseReference, confirmed: Bool, by actor: Actor, expectedVersion: Int?, requestID: String? = nil
    ) async throws {
        guard let loaded = try await store.load(reference) else { throw AppError.notFound }
        if let expectedVersion, expectedVersion != loaded.record.version { throw CaseChangedSinceRead(reference: reference) }
        guard actor.role == .supervisor, let supervisor = actor.staffID else { throw AppError.notPermitted }
        guard let enteredBy = loaded.record.postmarkEnteredBy else { throw PostmarkReviewError.nothingToConfirm }
        guard enteredBy != supervisor else { throw PostmarkReviewError.enteredItYourself }
        var builder = CaseChangeBuilder(loaded: loaded, rules: try await store.deadlineRules(timeZone: timeZone))
        builder.reviewPostmark(confirmed: confirmed, by: actor, at: clock.now(), requestID: requestID)
        try await store.commit(builder.build())
    }

    /// Records that the case's decision letter is deemed served at `servedAt` (once: a later letter changes nothing).
    /// Whether the case changed.
    @discardableResult
    public func recordDecisionServed(_ reference: CaseReference, at servedAt: Date) async throws -> Bool {
        guard let loaded = try await store.load(reference), let decision = loaded.record.decision, decision.servedAt == nil,
            loaded.record.state == .decided || loaded.record.state == .hearingRequested
        else { return false }
        var builder = CaseChangeBuilder(loaded: loaded, rules: try await store.deadlineRules(timeZone: timeZone))
        builder.serve(workflow.served(decision, at: servedAt), by: .system, at: clock.now())
        try await store.commit(builder.build())
        return true
    }

    /// Closes the decided cases whose hearing window has passed (or, for a decision with nothing to contest, whose
    /// letter is served): the sweeper's last step. How many closed. Another sweeper closing the same case at once
    /// makes this one's attempt a conflict, which is skipped.
    @discardableResult
    public func closeDue(limit: Int = 500) async throws -> Int {
        var closed = 0
        for reference in try await store.casesToClose(now: clock.now(), limit: limit) {
            do {
                try await apply(.close, to: reference, by: .system, reason: RecordWords.hearingWindowPassed.english)
                closed += 1
            } catch is WorkflowError {
            } catch is CaseChangedSinceRead {
            }
        }
        return closed
    }

    /// Recomputes one case's deadlines with the current policies and holidays (after an administrator changed
    /// them). Writes only the deadlines; the case and its history stay as they are.
    public func recomputeDeadlines(of reference: CaseReference) async throws {
        guard let loaded = try await store.load(reference) else { throw AppError.notFound }
        let rules = try await store.deadlineRules(timeZone: timeZone)
        var change = CaseChangeBuilder(loaded: loaded, rules: rules).build()
        change.deadlines = DeadlineSchedule.compute(
            for: loaded.record, history: loaded.history, policies: rules.policies, calendar: rules.calendar
        )
        try await store.commit(change)
    }
}
