import AppealsDomain
import Foundation

/// What storing one imported row did.
public enum TicketUpsertOutcome: Sendable, Equatable {
    case imported
    case updated
    case unchanged
    /// The same ticket number already appeared earlier in this same import, on `firstLine`; the row is refused.
    case duplicate(firstLine: Int)
}
