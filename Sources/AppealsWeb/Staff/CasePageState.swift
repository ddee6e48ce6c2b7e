import AppealsServices
import Foundation

/// What the last request leaves on the case page besides the case: the forms as typed and their problems, the
/// workflow's refusal, and which page of the timeline is shown.
struct CasePageState: Sendable {
    var decision: DecisionForm?
    var problems = CasePage.Problems()
    /// Why the workflow refused the action.
    var message: String?
    /// The case changed between reading it and acting on it.
    var changedSinceRead = false
    /// From 1, the newest.
    var timelinePage = 1
    var call: CallPanel?
    var contactForm: CasePage.ContactFormView?
    var hearing: HearingPanel?
    /// "Write to the citizen": the words as typed.
    var written = ""
}
