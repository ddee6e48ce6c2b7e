import AppealsDomain
import AppealsServices
import Foundation

struct CheckPage: Sendable, Encodable {
    let csrf: String
    let ticket: TicketSummary
    let details: DetailsPage
    let contact: ContactPage
    let late: Bool
    let lateReason: String
    let files: [EvidenceItem]
    let hasFiles: Bool

    init(csrf: String, draft: AppealDraft, ticket: Ticket, timeZone: TimeZone, files: [EvidenceItem]) {
        self.csrf = csrf
        self.files = files
        hasFiles = !files.isEmpty
        self.ticket = TicketSummary(ticket, timeZone: timeZone)
        details = DetailsPage(csrf: csrf, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: 0)
        contact = ContactPage(csrf: csrf, draft: draft)
        late = draft.late
        lateReason = draft.lateReason
    }
}
