import AppealsDomain
import AppealsServices
import Foundation

/// The words staff and callers read when the workflow refuses something (``WorkflowWords``), from the typed
/// error's facts.
public enum WorkflowMessages {
    public static func text(for error: WorkflowError, timeZone: TimeZone, in words: Catalogue = .english) -> String {
        let calendar = BusinessCalendar(timeZone: timeZone)
        func on(_ date: Date) -> String { DeadlineWording.dayMonth(calendar.local(date).date, in: words) }
        switch error {
        case .notPermitted(let role, let event):
            return words(
                WorkflowWords.notPermitted,
                ["role": role.rawValue.replacingOccurrences(of: "_", with: " "), "action": action(event, words)])
        case .invalidTransition(let from, let event, let since):
            let consequence = words(WorkflowWords.noLonger, ["done": done(event, words)])
            let values = ["day": on(since), "consequence": consequence]
            switch from {
            case .decided: return words(WorkflowWords.decidedOn, values)
            case .withdrawn: return words(WorkflowWords.withdrawnOn, values)
            case .deemedAccepted: return words(WorkflowWords.deemedAcceptedOn, values)
            case .closed: return words(WorkflowWords.closedOn, values)
            case .hearingRequested: return words(WorkflowWords.hearingRequestedOn, values)
            case .submitted, .inReview, .awaitingCitizen, .awaitingApproval:
                return words(WorkflowWords.notNow, ["state": state(from, words), "day": on(since), "done": done(event, words)])
            }
        case .selfApproval: return words(WorkflowWords.selfApproval)
        case .hearingWindowClosed(let closedAt): return words(WorkflowWords.hearingWindowClosed, ["day": on(closedAt)])
        case .hearingOnlyAfterUpheld(let outcome): return words(WorkflowWords.hearingOnlyAfterUpheld, ["outcome": outcome.rawValue])
        case .hearingWindowOpen(let until): return words(WorkflowWords.hearingWindowOpen, ["day": on(until)])
        case .decisionNotServed: return words(WorkflowWords.decisionNotServed)
        case .reducedAmountInvalid(let amount):
            return words(WorkflowWords.reducedAmountInvalid, ["amount": String(format: "$%.2f", Double(amount) / 100)])
        case .reasonMissing: return words(WorkflowWords.reasonMissing)
        case .statutoryDeadlineNotPassed(let due): return words(WorkflowWords.statutoryDeadlineNotPassed, ["day": on(due)])
        case .alreadyAssigned(let to): return words(WorkflowWords.alreadyAssigned, ["staff": to.value])
        case .staffIdentityMissing: return words(WorkflowWords.staffIdentityMissing)
        }
    }

    /// "being reviewed": a state as the refusal names it (the words are keyed by the state's name).
    static func state(_ state: CaseState, _ words: Catalogue) -> String {
        let name = String(describing: state)
        return WorkflowWords(rawValue: "state" + name.prefix(1).uppercased() + name.dropFirst()).map { words($0) } ?? state.rawValue
    }

    /// "ask for information on".
    static func action(_ event: CaseEventKind, _ words: Catalogue) -> String {
        WorkflowActionWords(rawValue: String(describing: event)).map { words($0) } ?? event.rawValue
    }

    /// "sent a request for information".
    static func done(_ event: CaseEventKind, _ words: Catalogue) -> String {
        WorkflowActionWords(rawValue: String(describing: event) + "Done").map { words($0) } ?? event.rawValue
    }
}
