import AppealsDomain
import Foundation

/// Accumulates what happens to one case (transitions, warnings) into the one ``CaseChange`` that writes it.
///
/// Used alike by a person's action (one transition) and by the sweeper (possibly a warning and a breach of
/// several deadlines at once), so that both write the same things the same way.
struct CaseChangeBuilder {
    let original: Case
    let rules: DeadlineRules
    private(set) var current: Case
    private(set) var history: [CaseHistoryEntry]
    private var audit: [AuditEntry] = []
    private var notifications: [QueuedNotification] = []
    private var letters: [LetterKind] = []
    private var interactions: [Interaction] = []
    private var enforcement: [EnforcementEvent] = []
    private let previousHistory: [CaseHistoryEntry]
    private var filingChannel: Channel?
    private var deadlinesChanged = false
    private let isNew: Bool

    init(loaded: LoadedCase, rules: DeadlineRules) {
        original = loaded.record
        current = loaded.record
        history = loaded.history
        previousHistory = loaded.history
        self.rules = rules
        isNew = false
    }

    /// For a case being filed.
    init(filing transition: Transition, rules: DeadlineRules, requestID: String?, channel: Channel) {
        original = transition.updated
        current = transition.updated
        history = []
        previousHistory = []
        filingChannel = channel
        self.rules = rules
        isNew = true
        record(transition, requestID: requestID, reason: nil)
        interactions.append(
            Interaction(
                at: transition.at, channel: channel, direction: .inbound, actor: transition.actor.staffID?.value ?? "citizen",
                kind: .appealFiled, isPublic: true
            ))
        enforcement.append(.hold(transition.updated))
    }

    var deadlines: [Deadline] {
        DeadlineSchedule.compute(for: current, history: history, policies: rules.policies, calendar: rules.calendar)
    }

    mutating func record(_ transition: Transition, requestID: String?, reason: String?) {
        current = transition.updated
        history.append(CaseHistoryEntry(at: transition.at, event: transition.event, from: transition.from, to: transition.updated.state))
        audit.append(
            AuditEntry(
                caseReference: current.reference, at: transition.at, actor: transition.actor, event: transition.event.rawValue,
                from: transition.from, to: transition.updated.state, reason: reason, requestID: requestID
            ))
        for effect in transition.effects {
            switch effect {
            case .recomputeDeadlines: deadlinesChanged = true
            case .queueLetter(let kind): letters.append(kind)
            case .notify(let recipient, let kind): notifications.append(QueuedNotification(recipient: recipient, kind: kind))
            case .releasePenaltyHold: EnforcementEvent.outcome(current).map { enforcement.append($0) }
            case .route, .cancelTicket: break  // carried by the case's state (a cancellation is an outcome of zero)
            }
        }
    }

    /// The citizen contacted us about the case (a call): counted towards repeat contacts, which raise its priority.
    /// A new version of the case, so that the store writes it (and a page showing the old one is told it changed).
    mutating func countContact() {
        current.contactCount += 1
        current.version += 1
    }

    /// A message from the citizen came (true), or someone who works the case opened it (false): the priority follows.
    mutating func setMessageWaiting(_ flag: Bool) {
        current.messageWaiting = flag
        current.version += 1
    }

    /// Sets or clears the vulnerable-citizen flag (which raises the priority), audited with the reason.
    mutating func setVulnerable(_ flag: Bool, reason: String, by actor: Actor, at now: Date, requestID: String?) {
        current.vulnerable = flag
        current.version += 1
        audit.append(
            AuditEntry(
                caseReference: current.reference, at: now, actor: actor,
                event: (flag ? CaseRecordEvent.vulnerableSet : .vulnerableCleared).rawValue, from: current.state, to: current.state,
                reason: reason, requestID: requestID))
    }

    /// A supervisor's word on a postmark that awaited confirmation: confirmed, the deadlines count from it; rejected,
    /// the appeal counts as received when it was entered.
    mutating func reviewPostmark(confirmed: Bool, by actor: Actor, at now: Date, requestID: String?) {
        let postmark = ISO8601Timestamp.formatUTC(current.receivedAt)
        current.postmarkEnteredBy = nil
        if !confirmed { current.receivedAt = current.enteredAt }
        current.version += 1
        deadlinesChanged = true
        audit.append(
            AuditEntry(
                caseReference: current.reference, at: now, actor: actor,
                event: (confirmed ? CaseRecordEvent.postmarkConfirmed : .postmarkRejected).rawValue, from: current.state,
                to: current.state, requestID: requestID,
                detail: "postmark \(postmark); entered \(ISO8601Timestamp.formatUTC(current.enteredAt))"))
    }

    /// The decision letter is deemed served: the hearing window starts, and the case's closing time is set.
    mutating func serve(_ decision: Decision, by actor: Actor, at now: Date) {
        current.decision = decision
        current.version += 1
        audit.append(
            AuditEntry(
                caseReference: current.reference, at: now, actor: actor, event: CaseRecordEvent.decisionServed.rawValue,
                from: current.state,
                to: current.state, detail: "served \(ISO8601Timestamp.formatUTC(decision.servedAt ?? now))"))
    }

    /// A warning changes nothing on the case: it is audited and someone is told (the supervisors, when the decision
    /// deadline counted from receipt has passed and only the minimum review time holds off a deemed acceptance).
    mutating func warn(_ firing: DeadlineFiring, at now: Date) {
        let moved = firing.kind == .decision && deadlines.contains { $0.kind == .decision && $0.explanation.movedForMinimumReview }
        audit.append(
            AuditEntry(
                caseReference: current.reference, at: now, actor: .system, event: TimelineKind.deadlineWarning.stored,
                from: current.state, to: current.state,
                detail: "\(firing.kind.rawValue) due \(ISO8601Timestamp.formatUTC(firing.at))"
                    + (moved ? RecordWords.heldForMinimumReview.english : "")
            ))
        let recipient = moved ? .supervisors : current.assignee.map(Recipient.staff) ?? .supervisors
        notifications.append(QueuedNotification(recipient: recipient, kind: .deadlineWarning))
    }

    func build() -> CaseChange {
        let schedule = deadlines
        let statutory = schedule.first { $0.kind == .decision }?.dueAt
        let today = rules.calendar.local(current.stateChangedAt).date
        let daysLeft = statutory.map { today.days(until: rules.calendar.local($0).date) }
        var change = CaseChange(
            updated: current, expectedVersion: isNew ? nil : original.version, audit: audit,
            deadlines: deadlinesChanged || isNew ? schedule : nil, notifications: notifications, letters: letters,
            interactions: interactions,
            priority: Priority.score(
                towed: current.towed, contactCount: current.contactCount, vulnerable: current.vulnerable,
                escalated: current.escalated, daysToStatutoryDeadline: current.state.isUndecided ? daysLeft : nil,
                messageWaiting: current.messageWaiting
            )
        )
        change.enforcement = enforcement
        change.measures = MeasureCount.counts(
            from: isNew ? nil : original, to: current, previousHistory: previousHistory, deadlines: change.deadlines,
            channel: filingChannel, calendar: rules.calendar)
        return change
    }
}
