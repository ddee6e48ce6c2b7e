import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

struct DetailsPage: Sendable, Encodable {
    let csrf: String
    let ticket: TicketSummary
    let late: Bool
    let grounds: [GroundOption]
    let statement: String
    let lateReason: String
    /// The appeal window, for "Why are you appealing after 30 days?".
    let windowDays: Int
    let maximum = AppealDraft.maximumStatement
    var hasErrors = false
    var noGround = false
    var noStatement = false
    var statementTooLong = false
    var noLateReason = false

    struct GroundOption: Sendable, Encodable {
        let code: String
        let checked: Bool
        /// One flag per ground, so that the template holds the words.
        let ground: Label
    }

    init(csrf: String, draft: AppealDraft, ticket: Ticket, timeZone: TimeZone, windowDays: Int) {
        self.csrf = csrf
        self.ticket = TicketSummary(ticket, timeZone: timeZone)
        self.windowDays = windowDays
        late = draft.late
        statement = draft.statement
        lateReason = draft.lateReason
        grounds = Ground.allCases.map { g in
            GroundOption(code: g.rawValue, checked: draft.grounds.contains(g.rawValue), ground: Label(g))
        }
    }

    mutating func show(_ problems: AppealDraft.DetailsProblems) {
        hasErrors = problems.any
        noGround = problems.noGround
        noStatement = problems.noStatement
        statementTooLong = problems.statementTooLong
        noLateReason = problems.noLateReason
    }
}
