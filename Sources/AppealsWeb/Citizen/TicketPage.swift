import AppealsDomain
import AppealsServices
import Foundation

struct TicketPage: Sendable, Encodable {
    let csrf: String
    let ticketNumber: String
    let plate: String
    var hasErrors = false
    /// What is wrong with the number and the plate, each shown beside its field.
    var match = TicketMatch()
    /// The form came back very fast: please press Continue again (not an error).
    var confirmAgain = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        ticketNumber = draft.ticketInput
        plate = draft.plateInput
    }

    /// The form again, with what is wrong with the number and the plate beside each.
    init(csrf: String, draft: AppealDraft, match: TicketMatch) {
        self.init(csrf: csrf, draft: draft)
        self.match = match
    }
}
