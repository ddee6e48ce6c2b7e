import Foundation

/// Why a citizen called, as the agent logs it (worded in `templates/partials/call-reason-label.mustache`).
public enum CallReason: String, Sendable, Codable, CaseIterable {
    case statusEnquiry = "status_enquiry"
    case evidence
    case deadline
    case payment
    case changeDetails = "change_details"
    case complaint
    case other
}
