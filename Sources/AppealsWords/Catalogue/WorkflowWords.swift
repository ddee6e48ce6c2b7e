import AppealsServices

/// What staff and callers read when the workflow refuses something ("This case was decided on 3 May; it can no
/// longer be withdrawn."), and the states and actions those sentences name.
public enum WorkflowWords: String, MessageKey, CaseIterable {
    case notPermitted, noLonger, decidedOn, withdrawnOn, deemedAcceptedOn, closedOn, hearingRequestedOn, notNow
    case selfApproval, hearingWindowClosed, hearingOnlyAfterUpheld, hearingWindowOpen, decisionNotServed, reducedAmountInvalid
    case reasonMissing, statutoryDeadlineNotPassed, alreadyAssigned, staffIdentityMissing
    case stateSubmitted, stateInReview, stateAwaitingCitizen, stateAwaitingApproval, stateDecided, stateHearingRequested, stateClosed
    case stateWithdrawn, stateDeemedAccepted

    public var key: String { "workflow." + rawValue }

    public var english: String {
        switch self {
        case .notPermitted: "Your role ({role}) cannot {action} a case."
        case .noLonger: "it can no longer be {done}"
        case .decidedOn: "This case was decided on {day}; {consequence}."
        case .withdrawnOn: "This appeal was withdrawn on {day}; {consequence}."
        case .deemedAcceptedOn: "This appeal was accepted automatically on {day}; {consequence}."
        case .closedOn: "This case was closed on {day}; {consequence}."
        case .hearingRequestedOn: "A hearing was requested on {day}; {consequence}."
        case .notNow: "This case is {state} (since {day}), so it cannot be {done} now."
        case .selfApproval: "You made this decision, so another supervisor must approve it."
        case .hearingWindowClosed: "The time to ask for a hearing ended on {day}."
        case .hearingOnlyAfterUpheld: "A hearing can be asked for only when a ticket is upheld; this one was {outcome}."
        case .hearingWindowOpen: "The citizen may ask for a hearing until {day}; the case stays open until then."
        case .decisionNotServed:
            "The decision letter has not reached the citizen yet: the time to ask for a hearing starts when it is deemed served."
        case .reducedAmountInvalid: "A reduced amount must be more than $0.00 and less than the ticket's {amount}."
        case .reasonMissing: "Choose a reason for the decision."
        case .statutoryDeadlineNotPassed: "The decision deadline has not passed yet (it falls on {day})."
        case .alreadyAssigned: "This case is already with {staff}."
        case .staffIdentityMissing: "Sign in again: this action needs to know who you are."
        case .stateSubmitted: "waiting for a reviewer"
        case .stateInReview: "being reviewed"
        case .stateAwaitingCitizen: "waiting for the citizen's answer"
        case .stateAwaitingApproval: "waiting for a supervisor's approval"
        case .stateDecided: "decided"
        case .stateHearingRequested: "waiting for a hearing"
        case .stateClosed: "closed"
        case .stateWithdrawn: "withdrawn"
        case .stateDeemedAccepted: "accepted automatically"
        }
    }
}
