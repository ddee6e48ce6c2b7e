import AppealsDomain
import AppealsServices
import Foundation

struct TicketPage: Sendable, Encodable {
    let csrf: String
    let ticketNumber: String
    let plate: String
    var hasErrors = false
    var ticketMissing = false
    var ticketInvalid = false
    var plateMissing = false
    var plateInvalid = false
    var noMatch = false
    var alreadyAppealed = false
    /// The form came back very fast: please press Continue again (not an error).
    var confirmAgain = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        ticketNumber = draft.ticketInput
        plate = draft.plateInput
    }
}
