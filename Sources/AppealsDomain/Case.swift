import Foundation

/// An appeal case: the record the workflow moves through review. One per appeal against one ticket.
public struct Case: Sendable, Equatable {
    public let reference: CaseReference
    public let ticketNumber: TicketNumber
    /// The ticket's amount when the appeal was filed, for the four-eyes threshold and reductions.
    public let ticketAmountCents: Int
    public let towed: Bool
    public let grounds: [Ground]
    /// When the appeal reached the authority (for a letter, its postmark's day): its deadlines count from here.
    public var receivedAt: Date
    /// Filed after the appeal window; the reviewer decides whether to consider it.
    public let late: Bool
    /// When the case was entered into the portal (later than `receivedAt` for a letter entered from its postmark).
    public let enteredAt: Date
    /// The clerk who entered a postmark long before the day of entry, while a supervisor has not yet confirmed it: until
    /// then the case's deadlines count from its entry, so that one person's typing cannot make a deadline already past.
    public var postmarkEnteredBy: StaffID?

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
    /// A message from the citizen (an e-mail or a text) is on the case and nobody who works it has opened the case
    /// since: the queues say so, and it raises the priority.
    public var messageWaiting: Bool
    public var pendingDecision: PendingDecision?
    public var decision: Decision?

    public init(
        reference: CaseReference, ticketNumber: TicketNumber, ticketAmountCents: Int, towed: Bool, grounds: [Ground],
        receivedAt: Date, late: Bool, enteredAt: Date? = nil, postmarkEnteredBy: StaffID? = nil, state: CaseState = .submitted,
        version: Int = 1, stateChangedAt: Date? = nil,
        assignee: StaffID? = nil, queue: CaseQueue = .team, escalated: Bool = false, vulnerable: Bool = false,
        contactCount: Int = 0, messageWaiting: Bool = false, pendingDecision: PendingDecision? = nil, decision: Decision? = nil
    ) {
        self.messageWaiting = messageWaiting
        self.reference = reference
        self.ticketNumber = ticketNumber
        self.ticketAmountCents = ticketAmountCents
        self.towed = towed
        self.grounds = grounds
        self.receivedAt = receivedAt
        self.late = late
        self.enteredAt = enteredAt ?? receivedAt
        self.postmarkEnteredBy = postmarkEnteredBy
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

extension Case {
    /// When the case's deadlines count from: its receipt, or its entry while its postmark awaits confirmation.
    public var deadlinesCountFrom: Date { postmarkEnteredBy == nil ? receivedAt : enteredAt }
}
