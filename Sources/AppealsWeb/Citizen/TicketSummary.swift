import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The ticket as the citizen sees it, to know it is the right one.
struct TicketSummary: Sendable, Encodable {
    let number: String
    let plate: String
    let issued: String
    let location: String
    let violation: String
    let amount: String

    init(_ ticket: Ticket, timeZone: TimeZone) {
        let calendar = BusinessCalendar(timeZone: timeZone)
        number = ticket.number.value
        plate = ticket.plate.number.value
        issued = LongDate.text(calendar.local(ticket.issuedAt).date)
        location = ticket.location
        violation = ticket.violation.description
        amount = Money.dollars(ticket.amountCents)
    }
}
