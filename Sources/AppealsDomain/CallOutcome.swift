import Foundation

/// How a call ended, as the agent logs it (worded in `templates/partials/call-outcome-label.mustache`).
public enum CallOutcome: String, Sendable, Codable, CaseIterable {
    case answered
    case callBackNeeded = "call_back_needed"
    case passedToReviewer = "passed_to_reviewer"
    case complaintRaised = "complaint_raised"
}
