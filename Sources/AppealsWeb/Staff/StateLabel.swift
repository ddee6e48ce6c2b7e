import AppealsDomain
import AppealsServices
import Foundation

/// A case state with one flag per state, for the state's words in templates/partials/state-label.mustache.
struct StateLabel: Sendable, Encodable {
    let code: String
    let submitted, inReview, awaitingCitizen, awaitingApproval, decided, hearingRequested, closed, withdrawn, deemedAccepted: Bool

    init(_ s: CaseState) {
        code = s.rawValue
        submitted = s == .submitted
        inReview = s == .inReview
        awaitingCitizen = s == .awaitingCitizen
        awaitingApproval = s == .awaitingApproval
        decided = s == .decided
        hearingRequested = s == .hearingRequested
        closed = s == .closed
        withdrawn = s == .withdrawn
        deemedAccepted = s == .deemedAccepted
    }
}
