import Foundation

/// Why the workflow refused an event. Facts, not sentences: each channel words them (see the message catalogue).
public enum WorkflowError: Error, Sendable, Equatable {
    /// This role may never do this.
    case notPermitted(role: Role, event: CaseEventKind)
    /// Not in the case's current state, which it entered at `since` ("This case was decided on 3 May; it can no
    /// longer be withdrawn.").
    case invalidTransition(from: CaseState, event: CaseEventKind, since: Date)
    /// The decider cannot approve their own decision.
    case selfApproval
    /// A hearing can be requested only within the window after an upheld decision.
    case hearingWindowClosed(closedAt: Date)
    case hearingOnlyAfterUpheld(outcome: Outcome)
    /// An upheld case cannot close while the citizen may still ask for a hearing.
    case hearingWindowOpen(until: Date)
    /// The decision letter has not been served yet, so its hearing window has not started.
    case decisionNotServed
    case reducedAmountInvalid(ticketAmountCents: Int)
    case reasonMissing
    /// The statutory deadline has not passed; the case cannot be deemed accepted yet.
    case statutoryDeadlineNotPassed(due: Date)
    case alreadyAssigned(to: StaffID)
    case staffIdentityMissing
}
