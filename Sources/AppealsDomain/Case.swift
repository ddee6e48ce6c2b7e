import Foundation

/// An appeal case: the record the workflow moves through review. One per appeal against one ticket.
public struct Case: Sendable, Equatable {
    public let reference: CaseReference
    public let ticketNumber: TicketNumber
    /// The ticket's amount when the appeal was filed, for the four-eyes threshold and reductions.
    public let ticketAmountCents: Int
    public let towed: Bool
    public let grounds: [Ground]
    public let receivedAt: Date
    /// Filed after the appeal window; the reviewer decides whether to consider it.
    public let late: Bool

    public var state: CaseState
    /// Increases with every change: the optimistic check that stops two people overwriting each other.
    public var version: Int
    /// When the case entered its current state.
    public var stateChangedAt: Date
    public var assignee: StaffID?
    public var queue: CaseQueue
    public var escalated: Bool
    public var vulnerable: Bool
    public var contactCount: Int
    public var pendingDecision: PendingDecision?
    public var decision: Decision?

    public init(
        reference: CaseReference, ticketNumber: TicketNumber, ticketAmountCents: Int, towed: Bool, grounds: [Ground],
        receivedAt: Date, late: Bool, state: CaseState = .submitted, version: Int = 1, stateChangedAt: Date? = nil,
        assignee: StaffID? = nil, queue: CaseQueue = .team, escalated: Bool = false, vulnerable: Bool = false,
        contactCount: Int = 0, pendingDecision: PendingDecision? = nil, decision: Decision? = nil
    ) {
        self.reference = reference
        self.ticketNumber = ticketNumber
        self.ticketAmountCents = ticketAmountCents
        self.towed = towed
        self.grounds = grounds
        self.receivedAt = receivedAt
        self.late = late
        self.state = state
        self.version = version
        self.stateChangedAt = stateChangedAt ?? receivedAt
        self.assignee = assignee
        self.queue = queue
        self.escalated = escalated
        self.vulnerable = vulnerable
        self.contactCount = contactCount
        self.pendingDecision = pendingDecision
        self.decision = decision
    }
}
