import AppealsDomain
import AppealsServices
import Foundation

/// A decision's reason code with one flag per code, for its words in templates/partials/reason-label.mustache.
struct ReasonLabel: Sendable, Encodable {
    let evidenceAccepted, signageInadequate, mitigatingCircumstances, proceduralError, contraventionOccurred, insufficientEvidence: Bool

    init(_ code: String) {
        evidenceAccepted = code == "evidence_accepted"
        signageInadequate = code == "signage_inadequate"
        mitigatingCircumstances = code == "mitigating_circumstances"
        proceduralError = code == "procedural_error"
        contraventionOccurred = code == "contravention_occurred"
        insufficientEvidence = code == "insufficient_evidence"
    }
}
