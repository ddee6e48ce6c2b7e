import AppealsDomain
import Foundation

/// Everything one accepted event writes, in one transaction: the case, its audit event, its recomputed
/// deadlines, and what it queues for people.
public struct CaseChange: Sendable, Equatable {
    public var updated: Case
    /// The version the change was decided on; nil for a new case. A different stored version is a conflict.
    public var expectedVersion: Int?
    public var audit: [AuditEntry]
    /// The full recomputed set, or nil when the deadlines did not change.
    public var deadlines: [Deadline]?
    public var notifications: [QueuedNotification]
    public var letters: [LetterKind]
    public var interactions: [Interaction]
    /// Stored with the case for queue ordering.
    public var priority: Int
    /// What the citizen told us, for a new case.
    public var filing: AppealDetails?
    /// Evidence files (received with a draft, or with an answer) that become the case's in this transaction.
    public var evidence: [EvidenceID] = []
    /// Penalty holds and outcomes for the enforcement system.
    public var enforcement: [EnforcementEvent] = []
    /// What the change adds to the dashboard's daily counts.
    public var measures: [MeasureCount] = []

    public init(
        updated: Case, expectedVersion: Int?, audit: [AuditEntry], deadlines: [Deadline]?,
        notifications: [QueuedNotification] = [], letters: [LetterKind] = [], interactions: [Interaction] = [], priority: Int
    ) {
        self.updated = updated
        self.expectedVersion = expectedVersion
        self.audit = audit
        self.deadlines = deadlines
        self.notifications = notifications
        self.letters = letters
        self.interactions = interactions
        self.priority = priority
    }

    /// The facts the letters this change queues state (each letter is produced later, from these).
    public var letterSnapshot: LetterSnapshot {
        LetterSnapshot(
            state: updated.state, decision: updated.decision,
            answerDue: deadlines?.first { $0.kind == .informationResponse && $0.dueAt != nil }?.explanation.due,
            question: interactions.last { $0.kind == .informationRequested }?.summary)
    }
}
