import Foundation

/// The case lifecycle as one function. Nothing else changes a case's state.
public struct Workflow: Sendable {
    public let policy: WorkflowPolicy

    public init(policy: WorkflowPolicy = WorkflowPolicy()) { self.policy = policy }

    /// Which roles may cause each event, whatever the state.
    public static func roles(for event: CaseEventKind) -> Set<Role> {
        switch event {
        case .file: [.citizen, .phoneAgent, .clerk]
        case .startReview, .requestInformation, .decide, .claim: [.reviewer, .supervisor]
        case .citizenResponded, .withdraw, .requestHearing: [.citizen, .phoneAgent, .clerk]
        case .approveDecision, .returnDecision: [.supervisor]
        case .informationTimedOut, .deemAccept, .escalate: [.system]
        case .close, .assign: [.supervisor, .system]
        case .acknowledge: [.system, .clerk]
        }
    }

    /// Which states each event may start from.
    public static func states(for event: CaseEventKind) -> Set<CaseState> {
        let undecided = Set(CaseState.allCases.filter(\.isUndecided))
        switch event {
        case .file: return []
        case .startReview: return [.submitted]
        case .requestInformation, .decide: return [.inReview]
        case .citizenResponded, .informationTimedOut: return [.awaitingCitizen]
        case .approveDecision, .returnDecision: return [.awaitingApproval]
        case .withdraw, .deemAccept, .assign, .escalate, .acknowledge: return undecided
        case .claim: return [.submitted, .inReview, .awaitingCitizen]
        case .requestHearing: return [.decided]
        case .close: return [.decided, .hearingRequested]
        }
    }

    /// A new case, as filed on any channel.
    public func file(_ newCase: Case, by actor: Actor) throws(WorkflowError) -> Transition {
        guard Self.roles(for: .file).contains(actor.role) else { throw .notPermitted(role: actor.role, event: .file) }
        return Transition(
            from: .submitted, event: .file, actor: actor, at: newCase.receivedAt, updated: newCase,
            effects: [.recomputeDeadlines, .route]
        )
    }

    /// Applies `event` to `current` on behalf of `actor` at `now`.
    ///
    /// - Parameter statutoryDue: when the case's decision deadline falls; needed to deem a case accepted.
    public func apply(
        _ event: CaseEvent, to current: Case, by actor: Actor, at now: Date, statutoryDue: Date? = nil
    ) throws(WorkflowError) -> Transition {
        let kind = event.kind
        guard Self.roles(for: kind).contains(actor.role) else { throw .notPermitted(role: actor.role, event: kind) }
        guard Self.states(for: kind).contains(current.state) else {
            throw .invalidTransition(from: current.state, event: kind, since: current.stateChangedAt)
        }
        var next = current
        var effects: [WorkflowEffect] = []
        func move(to state: CaseState) {
            next.state = state
            next.stateChangedAt = now
        }

        switch event {
        case .startReview:
            move(to: .inReview)
            if next.assignee == nil, actor.role == .reviewer { next.assignee = actor.staffID }
            effects = [.recomputeDeadlines]
        case .requestInformation:
            move(to: .awaitingCitizen)
            effects = [.recomputeDeadlines, .queueLetter(.requestForInformation), .notify(.citizen, .informationRequested)]
        case .citizenResponded, .informationTimedOut:
            move(to: .inReview)
            let note: NotificationKind = kind == .citizenResponded ? .citizenResponded : .informationTimedOut
            effects = [.recomputeDeadlines] + assigneeOrSupervisors(next).map { .notify($0, note) }
        case .decide(let draft):
            try validate(draft, for: current)
            guard let decider = actor.staffID else { throw .staffIdentityMissing }
            if needsApproval(draft, case: current, by: actor, at: now) {
                move(to: .awaitingApproval)
                next.pendingDecision = PendingDecision(draft: draft, proposedBy: decider, proposedAt: now)
                effects = [.notify(.supervisors, .approvalNeeded)]
            } else {
                move(to: .decided)
                next.decision = try decision(from: draft, case: current, decidedBy: decider, approvedBy: nil, at: now)
                effects = decidedEffects(next)
            }
        case .approveDecision:
            guard let pending = current.pendingDecision, let approver = actor.staffID else { throw .staffIdentityMissing }
            guard pending.proposedBy != approver else { throw .selfApproval }
            move(to: .decided)
            next.pendingDecision = nil
            next.decision = try decision(from: pending.draft, case: current, decidedBy: pending.proposedBy, approvedBy: approver, at: now)
            effects = decidedEffects(next) + [.notify(.staff(pending.proposedBy), .decisionApproved)]
        case .returnDecision:
            guard let pending = current.pendingDecision else { throw .staffIdentityMissing }
            move(to: .inReview)
            next.pendingDecision = nil
            effects = [.notify(.staff(pending.proposedBy), .decisionReturned)]
        case .withdraw:
            move(to: .withdrawn)
            next.pendingDecision = nil
            effects = [.recomputeDeadlines, .releasePenaltyHold, .notify(.citizen, .withdrawn)]
        case .requestHearing:
            guard let decision = current.decision else {
                throw .invalidTransition(from: current.state, event: kind, since: current.stateChangedAt)
            }
            guard decision.outcome == .upheld else { throw .hearingOnlyAfterUpheld(outcome: decision.outcome) }
            // Before the decision letter is served the window has not started: a hearing may be asked for.
            if let closes = hearingWindowEnd(decision), now >= closes { throw .hearingWindowClosed(closedAt: closes) }
            move(to: .hearingRequested)
            // The hearing notice goes when a supervisor sets the date (ScheduleHearing).
            effects = [.notify(.supervisors, .hearingRequested)]
        case .close:
            if current.state == .decided, let decision = current.decision, decision.outcome == .upheld {
                guard let closes = hearingWindowEnd(decision) else { throw .decisionNotServed }
                guard now >= closes else { throw .hearingWindowOpen(until: closes) }
            }
            move(to: .closed)
        case .deemAccept:
            guard let due = statutoryDue, now >= due else {
                throw .statutoryDeadlineNotPassed(due: statutoryDue ?? now)
            }
            move(to: .deemedAccepted)
            next.pendingDecision = nil
            next.decision = Decision(
                outcome: .cancelled, amountDueCents: 0, reasonCode: .deemedAccepted, decidedBy: nil, approvedBy: nil, decidedAt: now
            )
            effects = [
                .recomputeDeadlines, .cancelTicket, .releasePenaltyHold, .queueLetter(.deemedAcceptance),
                .notify(.citizen, .deemedAccepted),
            ]
        case .assign(let reviewer):
            next.assignee = reviewer
            if reviewer != nil { next.queue = .team }
            effects = reviewer.map { [.notify(.staff($0), .assigned)] } ?? []
        case .claim:
            guard let me = actor.staffID else { throw .staffIdentityMissing }
            if let other = current.assignee, other != me { throw .alreadyAssigned(to: other) }
            next.assignee = me
        case .escalate:
            next.escalated = true
            next.queue = .supervisor
            effects = [.notify(.supervisors, .deadlineBreached)]
        case .acknowledge:
            effects = [.recomputeDeadlines]
        }
        next.version = current.version + 1
        return Transition(from: current.state, event: kind, actor: actor, at: now, updated: next, effects: effects)
    }

    /// When the hearing window of a decision closes.
    /// The end of the hearing window: `hearingWindowDays` from the decision letter's deemed service; nil until then.
    public func hearingWindowEnd(_ decision: Decision) -> Date? {
        decision.servedAt.map { $0.addingTimeInterval(Double(policy.hearingWindowDays) * 86_400) }
    }

    /// The decision as served at `servedAt`, with the time its case closes.
    public func served(_ decision: Decision, at servedAt: Date) -> Decision {
        var served = decision
        served.servedAt = servedAt
        served.closesAt = decision.outcome == .upheld ? hearingWindowEnd(served) : servedAt
        return served
    }

    /// Four eyes (docs/DOMAIN.md): a ticket above the threshold, or a cancellation by a reviewer in their first month.
    public func needsApproval(_ draft: DecisionDraft, case current: Case, by actor: Actor, at now: Date) -> Bool {
        if current.ticketAmountCents > policy.approvalAboveCents { return true }
        guard draft.outcome == .cancelled, actor.role == .reviewer, let started = actor.startedOn else { return false }
        let today = LocalDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        return started.days(until: today) < policy.newReviewerDays
    }

    private func validate(_ draft: DecisionDraft, for current: Case) throws(WorkflowError) {
        guard draft.reasonCode != nil else { throw .reasonMissing }
        if draft.outcome == .reduced {
            guard let amount = draft.reducedAmountCents, amount > 0, amount < current.ticketAmountCents else {
                throw .reducedAmountInvalid(ticketAmountCents: current.ticketAmountCents)
            }
        }
    }

    /// The decision a draft makes of a case: what the citizen then owes. (Also the reviewer's preview of the letter.)
    public func decision(from draft: DecisionDraft, case current: Case, decidedBy: StaffID, approvedBy: StaffID?, at now: Date)
        throws(WorkflowError)
        -> Decision
    {
        guard let reasonCode = draft.reasonCode else { throw .reasonMissing }
        let due =
            switch draft.outcome {
            case .cancelled: 0
            case .reduced: draft.reducedAmountCents ?? current.ticketAmountCents
            case .upheld: current.ticketAmountCents
            }
        return Decision(
            outcome: draft.outcome, amountDueCents: due, reasonCode: reasonCode, decidedBy: decidedBy,
            approvedBy: approvedBy, decidedAt: now, replies: draft.replies
        )
    }

    private func decidedEffects(_ decided: Case) -> [WorkflowEffect] {
        var effects: [WorkflowEffect] = [.recomputeDeadlines, .releasePenaltyHold, .queueLetter(.decision), .notify(.citizen, .decided)]
        if decided.decision?.outcome == .cancelled { effects.insert(.cancelTicket, at: 1) }
        return effects
    }

    private func assigneeOrSupervisors(_ current: Case) -> [Recipient] {
        [current.assignee.map(Recipient.staff) ?? .supervisors]
    }
}
