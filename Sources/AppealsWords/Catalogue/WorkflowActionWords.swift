import AppealsServices

/// A workflow event as the refusal sentences name it: what one does ("ask for information on") and what a case
/// becomes ("sent a request for information").
public enum WorkflowActionWords: String, MessageKey, CaseIterable {
    case file, startReview, requestInformation, citizenResponded, informationTimedOut, decide, approveDecision, returnDecision
    case withdraw, requestHearing, close, deemAccept, assign, claim, escalate, acknowledge
    case fileDone, startReviewDone, requestInformationDone, citizenRespondedDone, informationTimedOutDone, decideDone
    case approveDecisionDone, returnDecisionDone, withdrawDone, requestHearingDone, closeDone, deemAcceptDone, assignDone, claimDone
    case escalateDone, acknowledgeDone

    public var key: String { "workflow.action." + rawValue }

    public var english: String {
        switch self {
        case .file: "file"
        case .startReview: "start reviewing"
        case .requestInformation: "ask for information on"
        case .citizenResponded: "answer for"
        case .informationTimedOut: "time out"
        case .decide: "decide"
        case .approveDecision: "approve the decision on"
        case .returnDecision: "return the decision on"
        case .withdraw: "withdraw"
        case .requestHearing: "ask for a hearing on"
        case .close: "close"
        case .deemAccept: "accept automatically"
        case .assign: "assign"
        case .claim: "claim"
        case .escalate: "escalate"
        case .acknowledge: "acknowledge"
        case .fileDone: "filed"
        case .startReviewDone: "taken into review"
        case .requestInformationDone: "sent a request for information"
        case .citizenRespondedDone: "answered"
        case .informationTimedOutDone: "timed out"
        case .decideDone: "decided"
        case .approveDecisionDone: "approved"
        case .returnDecisionDone: "returned"
        case .withdrawDone: "withdrawn"
        case .requestHearingDone: "taken to a hearing"
        case .closeDone: "closed"
        case .deemAcceptDone: "accepted automatically"
        case .assignDone: "reassigned"
        case .claimDone: "claimed"
        case .escalateDone: "escalated"
        case .acknowledgeDone: "acknowledged"
        }
    }
}
