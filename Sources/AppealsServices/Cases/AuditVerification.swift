/// The result of checking the audit trail's hash chain.
public enum AuditVerification: Sendable, Equatable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .intact(let events):
            return "Audit trail intact: \(events) events, every link verified."
        case .broken(let seq, let problem, let checked):
            let what =
                switch problem {
                case .contentChanged: "its content no longer matches its hash; it was edited."
                case .missing: "it is missing; an event was deleted."
                case .doesNotFollowPrevious: "it does not follow the event before it; events were reordered, replaced or deleted."
                }
            return "Audit trail BROKEN at event \(seq) (\(checked) events before it verified): " + what
        }
    }
}
