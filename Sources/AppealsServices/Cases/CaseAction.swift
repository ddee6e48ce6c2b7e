import AppealsDomain
import Foundation

/// What a member of staff can do to a case from its page. Most are one of the workflow's events, offered only when
/// the workflow would accept it from this person and the case is theirs to act on; a note, a logged call, the
/// vulnerable flag and a contact correction change no state and are offered by role alone.
public enum CaseAction: String, Sendable, CaseIterable, Hashable {
    case claim, release, startReview, requestInformation, decide, approve, returnDecision, assign
    case note, logCall, markVulnerable, correctContact, writeToCitizen
    /// For the citizen, at their request on the phone or by letter.
    case withdrawForCitizen, requestHearingForCitizen

    /// Actions that are not steps of the workflow.
    static let recordOnly: Set<CaseAction> = [.note, .logCall, .markVulnerable, .correctContact, .writeToCitizen]
}

extension CaseAction {
    /// The workflow event behind the action (record-only actions have none; it is never asked).
    var event: CaseEventKind {
        switch self {
        case .claim: .claim
        case .release, .assign: .assign
        case .startReview: .startReview
        case .requestInformation: .requestInformation
        case .decide: .decide
        case .approve: .approveDecision
        case .returnDecision: .returnDecision
        case .withdrawForCitizen: .withdraw
        case .requestHearingForCitizen: .requestHearing
        case .note, .logCall, .markVulnerable, .correctContact, .writeToCitizen: .assign
        }
    }
}
