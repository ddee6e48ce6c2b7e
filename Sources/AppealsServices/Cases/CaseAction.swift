import AppealsDomain
import Foundation

/// What a member of staff can do to a case from its page. Each is one of the workflow's events (or a note, which
/// changes no state, or a logged call, which counts a contact), offered only when the workflow would accept it from this person and the case is theirs to
/// act on.
public enum CaseAction: String, Sendable, CaseIterable, Hashable {
    case claim, release, startReview, requestInformation, decide, approve, returnDecision, assign, note, logCall, markVulnerable,
        correctContact
}

extension CaseAction {
    /// The workflow event behind the action (a note has none; it is never asked).
    var event: CaseEventKind {
        switch self {
        case .claim: .claim
        case .release, .assign: .assign
        case .startReview: .startReview
        case .requestInformation: .requestInformation
        case .decide: .decide
        case .approve: .approveDecision
        case .returnDecision: .returnDecision
        case .note, .logCall, .markVulnerable, .correctContact: .assign
        }
    }
}
