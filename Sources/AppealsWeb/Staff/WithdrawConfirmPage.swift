import AppealsDomain
import Foundation

/// What the agent reads back to a caller before withdrawing their appeal.
struct WithdrawConfirmPage: Sendable, Encodable {
    let nav: StaffNav
    let reference: String
    let grouped: String
    let links: CaseLinks
    let version: Int
    let ticket: TicketSummary

    init(nav: StaffNav, reference: CaseReference, version: Int, ticket: TicketSummary) {
        self.nav = nav
        self.reference = reference.value
        grouped = reference.grouped
        links = CaseLinks(reference)
        self.version = version
        self.ticket = ticket
    }
}
