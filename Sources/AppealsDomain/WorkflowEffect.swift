import Foundation

/// What must happen because of a transition, performed by the services layer in the same transaction where it
/// writes to the database (or queued there for a sender).
public enum WorkflowEffect: Sendable, Equatable {
    /// Recompute the case's deadlines from its history (a pause began or ended, a deadline was met, …).
    case recomputeDeadlines
    case queueLetter(LetterKind)
    case notify(Recipient, NotificationKind)
    /// Put the case with the best-placed reviewer, or in the team queue.
    case route
    /// The ticket is cancelled: the enforcement system must stop pursuing it.
    case cancelTicket
    /// The appeal no longer holds the ticket's late penalties.
    case releasePenaltyHold
}

public enum LetterKind: String, Sendable, Codable, CaseIterable, Hashable {
    case acknowledgement
    case requestForInformation = "request_for_information"
    case decision
    case deemedAcceptance = "deemed_acceptance"
    case hearingNotice = "hearing_notice"
}

public enum Recipient: Sendable, Equatable, Hashable {
    case citizen
    case staff(StaffID)
    case supervisors
}

public enum NotificationKind: String, Sendable, Codable, CaseIterable, Hashable {
    case informationRequested = "information_requested"
    case citizenResponded = "citizen_responded"
    case informationTimedOut = "information_timed_out"
    case decided
    case approvalNeeded = "approval_needed"
    case decisionApproved = "decision_approved"
    case decisionReturned = "decision_returned"
    case withdrawn
    case hearingRequested = "hearing_requested"
    case deemedAccepted = "deemed_accepted"
    case assigned
    case deadlineWarning = "deadline_warning"
    case deadlineBreached = "deadline_breached"
}
