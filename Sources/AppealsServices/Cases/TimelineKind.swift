import AppealsDomain
import Foundation

/// What one line of a case's timeline records: a workflow event from the audit trail, a deadline warning, or an
/// interaction on some channel.
public enum TimelineKind: Sendable, Hashable {
    case workflow(CaseEventKind)
    case deadlineWarning
    case interaction(InteractionKind)
    case record(CaseRecordEvent)

    /// The code stored in `audit_events.event` or `interactions.kind`.
    public var stored: String {
        switch self {
        case .workflow(let event): event.rawValue
        case .deadlineWarning: Self.deadlineWarningCode
        case .interaction(let kind): kind.rawValue
        case .record(let event): event.rawValue
        }
    }

    public init?(stored: String) {
        if let kind = InteractionKind(rawValue: stored) {
            self = .interaction(kind)
        } else if let event = CaseEventKind(rawValue: stored) {
            self = .workflow(event)
        } else if let event = CaseRecordEvent(rawValue: stored) {
            self = .record(event)
        } else if stored == Self.deadlineWarningCode {
            self = .deadlineWarning
        } else {
            return nil
        }
    }

    static let deadlineWarningCode = "deadline_warning"

    /// Every kind, for the test that each has words.
    public static var allCases: [TimelineKind] {
        CaseEventKind.allCases.map(Self.workflow) + [.deadlineWarning] + InteractionKind.allCases.map(Self.interaction)
            + CaseRecordEvent.allCases.map(Self.record)
    }
}
