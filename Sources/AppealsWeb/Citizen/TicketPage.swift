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

    /// The form again, with what is wrong with the number and the plate beside each.
    init(csrf: String, draft: AppealDraft, match: TicketMatch) {
        self.init(csrf: csrf, draft: draft)
        ticketMissing = match.ticketMissing
        ticketInvalid = match.ticketInvalid
        plateMissing = match.plateMissing
        plateInvalid = match.plateInvalid
        noMatch = match.noMatch
        alreadyAppealed = match.alreadyAppealed
    }
}
