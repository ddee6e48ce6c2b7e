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
