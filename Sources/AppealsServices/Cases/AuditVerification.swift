/// The result of checking the audit trail's hash chain (worded by `AuditMessages`).
public enum AuditVerification: Sendable, Equatable {
    case intact(events: Int)
    /// The first broken link: the event at `seq`, after `checked` good events.
    case broken(seq: Int, problem: Problem, checked: Int)

    public enum Problem: Sendable, Equatable {
        /// The event was changed after it was written.
        case contentChanged
        /// No event with this number: deleted.
        case missing
        /// The event does not follow the one before it: reordered, or one before it deleted or replaced.
        case doesNotFollowPrevious
    }

}
