import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The second page of an appeal staff enter: the answers to check, the files (the scanned letter for an appeal by
/// post), and the button that files it.
struct IntakeFilesPage: Sendable, Encodable {
    let nav: StaffNav
    let draft: String
    /// The answers' page again, the file forms, and filing.
    let change, upload, remove, file: String
    let ticket: TicketSummary
    let grounds: [Label]
    let statement: String
    let lateReason: String?
    /// Name, address, email, mobile and how they hear from us.
    let contact: ContactPage
    let byPhone: Bool
    let byMail: Bool
    let postedOn: String
    let evidence: EvidencePage
    /// A letter's appeal is filed with its scan.
    var scanMissing = false
    var hasErrors: Bool

    init(
        nav: StaffNav, token: DraftToken, draft: IntakeDraft, ticket: Ticket, timeZone: TimeZone, files: [EvidenceRecord],
        limits: EvidenceLimits, rejected: [EvidencePage.RejectedFile] = []
    ) {
        self.nav = nav
        self.draft = token.value
        change = StaffURL.intake.path(query: "draft=\(token.value)")
        upload = StaffURL.intakeForm(.value(token), .evidence).path
        remove = StaffURL.intakeForm(.value(token), .evidenceRemoval).path
        file = StaffURL.intakeForm(.value(token), .file).path
        let answers = draft.answers
        self.ticket = TicketSummary(ticket, timeZone: timeZone)
        grounds = answers.grounds.compactMap(Ground.init(rawValue:)).map { Label($0) }
        statement = answers.statement
        lateReason = answers.late ? answers.lateReason : nil
        contact = ContactPage(csrf: nav.csrf, draft: answers)
        byPhone = draft.channel == .phone
        byMail = draft.channel == .mail
        postedOn = LocalDate(iso: draft.postedOn).map(LongDate.text) ?? ""
        let items = files.map { record in
            var item = EvidenceItem(record)
            item.thumbnail = StaffURL.intakeThumbnail(.value(token), .value(record.id)).path
            return item
        }
        evidence = EvidencePage(csrf: nav.csrf, files: items, limits: limits, rejected: rejected)
        hasErrors = !rejected.isEmpty
    }
}
