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

/// The kinds of ``CaseEvent``, without their values: what the audit trail and the history record.
public enum CaseEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case file
    case startReview = "start_review"
    case requestInformation = "request_information"
    case citizenResponded = "citizen_responded"
    case informationTimedOut = "information_timed_out"
    case decide
    case approveDecision = "approve_decision"
    case returnDecision = "return_decision"
    case withdraw
    case requestHearing = "request_hearing"
    case close
    case deemAccept = "deem_accept"
    case assign
    case claim
    case escalate
    case acknowledge
}

/// A reviewer's decision before it takes effect.
public struct DecisionDraft: Sendable, Equatable, Codable {
    public var outcome: Outcome
    /// For a reduced penalty: the new amount, above zero and below the ticket's amount.
    public var reducedAmountCents: Int?
    public var reasonCode: String
    /// The written reply to each ground the citizen raised (ground code → reply), for the decision letter.
    public var replies: [String: String]?

    public init(outcome: Outcome, reducedAmountCents: Int? = nil, reasonCode: String, replies: [String: String]? = nil) {
        self.outcome = outcome
        self.reducedAmountCents = reducedAmountCents
        self.reasonCode = reasonCode
        self.replies = replies
    }
}
