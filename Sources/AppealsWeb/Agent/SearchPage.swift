import AppealsDomain
import AppealsServices
import Foundation

/// The search page: the box, what the text was read as, and the cases found, each with what tells it apart.
struct SearchPage: Sendable, Encodable {
    let nav: StaffNav
    let query: String
    var searched = false
    var rows: [Row] = []
    var hasRows = false
    /// The text was a case reference with a typo; `rows` are the near matches.
    var referenceTypo = false
    /// Nothing the text could be (too long, punctuation only).
    var unreadable = false
    /// Screen pop: the caller's number, and whether it was one at all.
    var caller: String?
    var callerUnknown = false
    var readAs: [Reading] = []

    struct Row: Sendable, Encodable {
        let reference: String
        let grouped: String
        let name: String
        let plate: String
        let ticket: String
        let ticketDate: String
        let state: Label
        let lastContact: String
        let matchedBy: Reading
    }

    init(nav: StaffNav, query: String) {
        self.nav = nav
        self.query = query
    }

    mutating func show(_ found: FindCases.Found, timeZone: TimeZone) {
        searched = true
        referenceTypo = found.referenceTypo
        unreadable = found.readings.isEmpty
        readAs = found.readings.map(Reading.init)
        for index in readAs.indices.dropLast() { readAs[index].more = true }
        let calendar = BusinessCalendar(timeZone: timeZone)
        func day(_ date: Date) -> String { AppealController.longDate(calendar.local(date).date) }
        rows = found.hits.map { hit in
            Row(
                reference: hit.reference.value, grouped: hit.reference.grouped, name: hit.contactName ?? "", plate: hit.plate,
                ticket: hit.ticketNumber, ticketDate: day(hit.ticketIssuedAt), state: Label(hit.state),
                lastContact: hit.lastContactAt.map(day) ?? "", matchedBy: Reading(hit.matchedBy))
        }
        hasRows = !rows.isEmpty
    }

    /// One reading of the text, for its words in templates/agent/reading.mustache.
    struct Reading: Sendable, Encodable {
        let value: String
        /// Another reading follows (for the separator between them).
        var more = false
        var reference = false, typo = false, ticket = false, plate = false, phone = false, email = false, surname = false

        init(_ query: SearchQuery) {
            switch query {
            case .reference(let r): (value, reference) = (r.grouped, true)
            case .mistypedReference: (value, typo) = ("", true)
            case .ticket(let t): (value, ticket) = (t.value, true)
            case .plate(let p): (value, plate) = (p.value, true)
            case .phone(let n): (value, phone) = (n, true)
            case .email(let e): (value, email) = (e, true)
            case .surname(let k): (value, surname) = (k, true)
            }
        }
    }
}
