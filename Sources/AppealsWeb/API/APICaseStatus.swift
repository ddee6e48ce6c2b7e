import AppealsDomain
import AppealsServices
import Foundation

/// A case's status as the status API gives it (schema `CaseStatus` in `public/openapi.yaml`).
struct APICaseStatus: Sendable, Encodable {
    let reference: String
    let formattedReference: String
    let ticketNumber: String
    let state: String
    let outcome: String?
    /// The status in one line and what happens next, in the words of the status page and the agent's script.
    let headline: String
    let text: String
    let nextStep: NextStep?
    let dates: Dates
    let amountDueCents: Int?

    struct NextStep: Sendable, Encodable {
        /// decision, citizen_answer, hearing_request_window or hearing.
        let step: String
        let due: String?
    }

    struct Dates: Sendable, Encodable {
        let ticketIssued: String
        let appealReceived: String
        let decisionDue: String?
        let informationDue: String?
        let decided: String?
        let hearingRequestUntil: String?
    }

    init(_ status: CaseStatus, headline: String, text: String, timeZone: TimeZone) {
        let calendar = BusinessCalendar(timeZone: timeZone)
        reference = status.reference.value
        formattedReference = status.reference.grouped
        ticketNumber = status.ticket.number.value
        state = status.state.rawValue
        outcome = status.decision?.outcome.rawValue
        self.headline = headline
        self.text = text
        amountDueCents = status.decision?.amountDueCents
        let hearingUntil = status.hearingWindowEnds.map { calendar.localDate($0).description }
        dates = Dates(
            ticketIssued: calendar.localDate(status.ticket.issuedAt).description,
            appealReceived: calendar.localDate(status.receivedAt).description,
            decisionDue: status.decisionDue?.description, informationDue: status.answerDue?.description,
            decided: status.decision.map { calendar.localDate($0.decidedAt).description }, hearingRequestUntil: hearingUntil)
        nextStep =
            switch status.state {
            case .submitted, .inReview, .awaitingApproval: NextStep(step: "decision", due: status.decisionDue?.description)
            case .awaitingCitizen: NextStep(step: "citizen_answer", due: status.answerDue?.description)
            case .decided: hearingUntil.map { NextStep(step: "hearing_request_window", due: $0) }
            case .hearingRequested: NextStep(step: "hearing", due: nil)
            case .closed, .withdrawn, .deemedAccepted: nil
            }
    }
}

/// The open cases for a caller's number (schema `CallerCases`).
struct APICallerCases: Sendable, Encodable {
    let phone: String
    let cases: [Case]

    struct Case: Sendable, Encodable {
        let reference: String
        let formattedReference: String
        let state: String
    }
}

/// The cases of a ticket with its plate (schema `TicketCases`).
struct APITicketCases: Sendable, Encodable {
    let cases: [APICaseStatus]
}

enum APIJSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // the same answer is the same bytes
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
