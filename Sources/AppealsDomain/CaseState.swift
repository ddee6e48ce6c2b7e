import Foundation

/// Where a case stands in its lifecycle (docs/DOMAIN.md, "The case lifecycle").
public enum CaseState: String, Sendable, Codable, CaseIterable, Hashable {
    case submitted
    case inReview = "in_review"
    /// A reviewer asked the citizen for information; SLA clocks are paused.
    case awaitingCitizen = "awaiting_citizen"
    /// A decision that needs a second pair of eyes waits for a supervisor; it has not taken effect.
    case awaitingApproval = "awaiting_approval"
    case decided
    case hearingRequested = "hearing_requested"
    case closed
    case withdrawn
    /// No decision came within the statutory period: the ticket is cancelled automatically.
    case deemedAccepted = "deemed_accepted"

    /// Before a decision has taken effect: the case can still be withdrawn, decided or deemed accepted.
    public var isUndecided: Bool {
        switch self {
        case .submitted, .inReview, .awaitingCitizen, .awaitingApproval: true
        case .decided, .hearingRequested, .closed, .withdrawn, .deemedAccepted: false
        }
    }

    /// While awaiting the citizen, SLA clocks do not run.
    public var pausesClocks: Bool { self == .awaitingCitizen }
}
