import Foundation

/// A change to a case's record that is not a step of the workflow, audited and shown on the timeline.
public enum CaseRecordEvent: String, Sendable, CaseIterable {
    case vulnerableSet = "vulnerable_set"
    case vulnerableCleared = "vulnerable_cleared"
    case contactCorrected = "contact_corrected"
    /// The decision letter is deemed served: the hearing window starts.
    case decisionServed = "decision_served"
    /// A supervisor set the date and place of the requested hearing.
    case hearingScheduled = "hearing_scheduled"
    /// A supervisor confirmed a postmark entered long before the day of entry: the deadlines count from it.
    case postmarkConfirmed = "postmark_confirmed"
    /// A supervisor did not accept such a postmark: the appeal counts as received when it was entered.
    case postmarkRejected = "postmark_rejected"
    /// A member of staff put a message from the Unmatched queue on the case.
    case messageAttached = "message_attached"
}
