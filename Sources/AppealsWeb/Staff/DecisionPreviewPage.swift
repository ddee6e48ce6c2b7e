import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// What the decision letter will say, before the reviewer confirms it.
struct DecisionPreviewPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let reference: String
    let grouped: String
    let links: CaseLinks
    let version: Int
    let contactName: String
    let postalAddress: String
    let ticket: TicketSummary
    let cancelled, reduced, upheld: Bool
    let amount: String
    let reasonCode: String
    let replies: [DecisionForm.Reply]
    let outcome: String
    let rawAmount: String
    /// The letter's words as its PDF sets them.
    let title: String
    let blocks: [Block]
    let pages: Int

    struct Block: Sendable, Encodable {
        let heading: String?
        let paragraph: String?
        let item: String?
    }

    init(nav: StaffNav, loaded: LoadedCase, file: CaseFile, form: DecisionForm, letter: ComposedLetter, timeZone: TimeZone) {
        title = letter.title
        pages = letter.pages
        blocks = letter.blocks.map {
            switch $0 {
            case .heading(let text): Block(heading: text, paragraph: nil, item: nil)
            case .paragraph(let text): Block(heading: nil, paragraph: text, item: nil)
            case .item(let text): Block(heading: nil, paragraph: nil, item: text)
            }
        }
        self.nav = nav
        csrf = nav.csrf
        reference = loaded.record.reference.value
        grouped = loaded.record.reference.grouped
        links = CaseLinks(loaded.record.reference)
        version = loaded.record.version
        contactName = file.appeal?.contactName ?? ""
        postalAddress = file.appeal?.postalAddress ?? ""
        ticket = TicketSummary(file.ticket, timeZone: timeZone)
        cancelled = form.outcome == Outcome.cancelled.rawValue
        reduced = form.outcome == Outcome.reduced.rawValue
        upheld = form.outcome == Outcome.upheld.rawValue
        amount = form.amountCents.map(Money.dollars) ?? ""
        reasonCode = form.reasonCode
        replies = form.replies
        outcome = form.outcome
        rawAmount = form.amount
    }
}
