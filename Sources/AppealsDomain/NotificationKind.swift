import Foundation

public enum NotificationKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The appeal is received: by email or text message (a letter when the citizen gave neither, or chose the post).
    case acknowledgement
    case informationRequested = "information_requested"
    case citizenResponded = "citizen_responded"
    case informationTimedOut = "information_timed_out"
    case decided
    case approvalNeeded = "approval_needed"
    case decisionApproved = "decision_approved"
    case decisionReturned = "decision_returned"
    case withdrawn
    case hearingRequested = "hearing_requested"
    case deemedAccepted = "deemed_accepted"
    case assigned
    case deadlineWarning = "deadline_warning"
    case deadlineBreached = "deadline_breached"
    /// Words a member of staff wrote to the citizen from the case page.
    case staffMessage = "staff_message"
    /// When we will call the citizen back (the window's id in the message's body); and, to the supervisors, a
    /// call back whose window passed uncalled.
    case callbackBooked = "callback_booked"
    case callbackMissed = "callback_missed"
    /// A member of staff's answer to a message no case was found for, sent to the address or number it came from.
    case unmatchedAnswer = "unmatched_answer"
}
