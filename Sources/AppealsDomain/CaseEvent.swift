import Foundation

/// Something that happens to a case. Each is checked by ``Workflow`` against the actor's role and the case's
/// state before it changes anything.
public enum CaseEvent: Sendable, Equatable {
    case startReview
    case requestInformation
    case citizenResponded
    /// The citizen did not answer within the information-request period; review resumes.
    case informationTimedOut
    case decide(DecisionDraft)
    case approveDecision
    case returnDecision
    case withdraw
    case requestHearing
    case close
    /// The statutory decision deadline passed without a decision.
    case deemAccept
    /// Give the case to a reviewer, or back to the team queue with nil.
    case assign(StaffID?)
    case claim
    /// A deadline was breached: the case goes to the supervisor queue with a priority bump.
    case escalate(DeadlineKind)
    /// The acknowledgement went out to the citizen.
    case acknowledge

    public var kind: CaseEventKind {
        switch self {
        case .startReview: .startReview
        case .requestInformation: .requestInformation
        case .citizenResponded: .citizenResponded
        case .informationTimedOut: .informationTimedOut
        case .decide: .decide
        case .approveDecision: .approveDecision
        case .returnDecision: .returnDecision
        case .withdraw: .withdraw
        case .requestHearing: .requestHearing
        case .close: .close
        case .deemAccept: .deemAccept
        case .assign: .assign
        case .claim: .claim
        case .escalate: .escalate
        case .acknowledge: .acknowledge
        }
    }
}
