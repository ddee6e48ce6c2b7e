import Foundation

/// How an appeal ended for the ticket: a reviewer's decision, a deemed acceptance or the citizen's withdrawal.
/// What the dashboard counts and what the enforcement system is told.
public enum Conclusion: String, Sendable, CaseIterable, Hashable {
    case cancelled
    case reduced
    case upheld
    case deemedAccepted = "deemed_accepted"
    case withdrawn
}

extension Case {
    /// Nil while the appeal is open.
    public var conclusion: Conclusion? {
        if state == .withdrawn { return .withdrawn }
        guard let decision else { return nil }
        if decision.reasonCode == .deemedAccepted { return .deemedAccepted }
        return switch decision.outcome {
        case .cancelled: .cancelled
        case .reduced: .reduced
        case .upheld: .upheld
        }
    }

    /// When the conclusion took effect.
    public var concludedAt: Date? { state == .withdrawn ? stateChangedAt : decision?.decidedAt }

    /// What the ticket stands at after the conclusion: the decision's amount, or the full amount when withdrawn.
    public var amountAfterConclusion: Int? { state == .withdrawn ? ticketAmountCents : decision?.amountDueCents }

    /// Whole hours from receipt to a reviewer's decision (nil for a deemed acceptance, a withdrawal or no decision).
    public var hoursToDecision: Int? {
        guard let decision, decision.decidedBy != nil else { return nil }
        return Int((decision.decidedAt.timeIntervalSince(receivedAt) / 3600).rounded(.down))
    }
}
