import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The one-page appeal form staff fill in for a caller or from a letter, with each problem next to its field.
struct IntakePage: Sendable, Encodable {
    let nav: StaffNav
    let draft: String
    let ticketNumber: String
    let plate: String
    let grounds: [DetailsPage.GroundOption]
    let statement: String
    let lateReason: String
    var contact: ContactPage
    let maximum = AppealDraft.maximumStatement
    let windowDays: Int
    /// The ways this person may enter an appeal: phone (agents), post (clerks).
    let mayTakePhone: Bool
    let mayTakeMail: Bool
    let byPhone: Bool
    let byMail: Bool
    let postedOn: String
    let today: String
    var problems = Problems() { didSet { hasErrors = problems.any } }
    var hasErrors = false

    struct Problems: Sendable, Encodable {
        /// What is wrong with the ticket number and the plate.
        var match = TicketMatch()
        var noGround = false, noStatement = false, statementTooLong = false, noLateReason = false
        var noArrival = false, postedMissing = false, postedInvalid = false, postedBeforeTicket = false
        var contact = false

        var any: Bool {
            !match.wellFormed || match.noMatch || match.alreadyAppealed || noGround || noStatement
                || statementTooLong || noLateReason || noArrival || postedMissing || postedInvalid || postedBeforeTicket
                || contact
        }

        init() {}

        /// What is wrong with the ticket number and the plate (the other problems are added by the caller).
        init(_ match: TicketMatch) { self.match = match }
    }

    init(nav: StaffNav, token: DraftToken?, draft: IntakeDraft, roles: Set<Role>, windowDays: Int, today: LocalDate) {
        self.nav = nav
        self.draft = token?.value ?? ""
        let answers = draft.answers
        ticketNumber = answers.ticketInput
        plate = answers.plateInput
        grounds = Ground.allCases.map { g in
            DetailsPage.GroundOption(code: g.rawValue, checked: answers.grounds.contains(g.rawValue), ground: Label(g))
        }
        statement = answers.statement
        lateReason = answers.lateReason
        contact = ContactPage(csrf: nav.csrf, draft: answers)
        self.windowDays = windowDays
        mayTakePhone = roles.contains(.phoneAgent)
        mayTakeMail = roles.contains(.clerk)
        byPhone = draft.arrivedBy == "phone" || (draft.arrivedBy.isEmpty && mayTakePhone)
        byMail = draft.arrivedBy == "mail" || (draft.arrivedBy.isEmpty && !mayTakePhone)
        postedOn = draft.postedOn
        self.today = today.description
    }
}
