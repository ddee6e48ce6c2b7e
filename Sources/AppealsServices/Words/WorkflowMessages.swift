import AppealsDomain
import Foundation

/// The words staff and callers read when the workflow refuses something, from the typed error's facts
/// ("This case was decided on 3 May; it can no longer be withdrawn.").
public enum WorkflowMessages {
    public static func text(for error: WorkflowError, timeZone: TimeZone) -> String {
        let calendar = BusinessCalendar(timeZone: timeZone)
        func on(_ date: Date) -> String { DeadlineWording.dayMonth(calendar.local(date).date) }
        switch error {
        case .notPermitted(let role, let event):
            return "Your role (\(role.rawValue.replacingOccurrences(of: "_", with: " "))) cannot \(verb(event)) a case."
        case .invalidTransition(let from, let event, let since):
            let what = "it can no longer be \(participle(event))"
            switch from {
            case .decided: return "This case was decided on \(on(since)); \(what)."
            case .withdrawn: return "This appeal was withdrawn on \(on(since)); \(what)."
            case .deemedAccepted: return "This appeal was accepted automatically on \(on(since)); \(what)."
            case .closed: return "This case was closed on \(on(since)); \(what)."
            case .hearingRequested: return "A hearing was requested on \(on(since)); \(what)."
            case .submitted, .inReview, .awaitingCitizen, .awaitingApproval:
                return "This case is \(describe(from)) (since \(on(since))), so it cannot be \(participle(event)) now."
            }
        case .selfApproval: return "You made this decision, so another supervisor must approve it."
        case .hearingWindowClosed(let closedAt): return "The time to ask for a hearing ended on \(on(closedAt))."
        case .hearingOnlyAfterUpheld(let outcome):
            return "A hearing can be asked for only when a ticket is upheld; this one was \(outcome.rawValue)."
        case .hearingWindowOpen(let until): return "The citizen may ask for a hearing until \(on(until)); the case stays open until then."
        case .decisionNotServed:
            return "The decision letter has not reached the citizen yet: the time to ask for a hearing starts when it is deemed served."
        case .reducedAmountInvalid(let amount):
            return String(format: "A reduced amount must be more than $0.00 and less than the ticket's $%.2f.", Double(amount) / 100)
        case .reasonMissing: return "Choose a reason for the decision."
        case .statutoryDeadlineNotPassed(let due): return "The decision deadline has not passed yet (it falls on \(on(due)))."
        case .alreadyAssigned(let to): return "This case is already with \(to.value)."
        case .staffIdentityMissing: return "Sign in again: this action needs to know who you are."
        }
    }

    static func describe(_ state: CaseState) -> String {
        switch state {
        case .submitted: "waiting for a reviewer"
        case .inReview: "being reviewed"
        case .awaitingCitizen: "waiting for the citizen's answer"
        case .awaitingApproval: "waiting for a supervisor's approval"
        case .decided: "decided"
        case .hearingRequested: "waiting for a hearing"
        case .closed: "closed"
        case .withdrawn: "withdrawn"
        case .deemedAccepted: "accepted automatically"
        }
    }

    static func verb(_ event: CaseEventKind) -> String {
        switch event {
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
        }
    }

    static func participle(_ event: CaseEventKind) -> String {
        switch event {
        case .file: "filed"
        case .startReview: "taken into review"
        case .requestInformation: "sent a request for information"
        case .citizenResponded: "answered"
        case .informationTimedOut: "timed out"
        case .decide: "decided"
        case .approveDecision: "approved"
        case .returnDecision: "returned"
        case .withdraw: "withdrawn"
        case .requestHearing: "taken to a hearing"
        case .close: "closed"
        case .deemAccept: "accepted automatically"
        case .assign: "reassigned"
        case .claim: "claimed"
        case .escalate: "escalated"
        case .acknowledge: "acknowledged"
        }
    }
}
