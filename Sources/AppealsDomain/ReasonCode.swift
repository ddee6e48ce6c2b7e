import Foundation

/// Why a case was decided as it was: the reason recorded with every decision, worded for each audience by
/// `templates/partials/reason-label.mustache` (and the letters).
public enum ReasonCode: String, Sendable, Codable, CaseIterable {
    case evidenceAccepted = "evidence_accepted"
    case signageInadequate = "signage_inadequate"
    case mitigatingCircumstances = "mitigating_circumstances"
    case proceduralError = "procedural_error"
    case contraventionOccurred = "contravention_occurred"
    case insufficientEvidence = "insufficient_evidence"
    /// Recorded by the system when the statutory deadline passed without a decision; no reviewer chooses it.
    case deemedAccepted = "deemed_accepted"

    /// The reasons a reviewer chooses from.
    public static let reviewerChoices = allCases.filter { $0 != .deemedAccepted }
}
