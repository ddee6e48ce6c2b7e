import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The search page: the box, what the text was read as, and the cases found, each with what tells it apart.
struct SearchPage: Sendable, Encodable {
    let nav: StaffNav
    let query: String
    var searched = false
    var rows: [Row] = []
    var hasRows = false
    /// As many rows as a search shows: there may be more.
    var mayBeMore = false
    var shown = 0
    /// The text was a case reference with a typo; `rows` are the near matches.
    var referenceTypo = false
    /// Nothing the text could be (too long, punctuation only).
    var unreadable = false
    /// Screen pop: the caller's number, and whether it was one at all.
    var caller: String?
    var callerUnknown = false
    /// The link that starts an appeal for this caller, their number filled in (for agents who may enter one).
    var startAppeal: String?
    var readAs: [Reading] = []

    struct Row: Sendable, Encodable {
        let reference: String
        let grouped: String
        let link: String
        let name: String
        let plate: String
        let ticket: String
        let ticketDate: String
        let state: Label
        /// The state's and the reading's words, rendered once per distinct value from their partials by
        /// ``wordRows(with:)`` (rendering the partials in every row was half the search page's time).
        var stateWords = ""
        var matchedByWords = ""

        /// The template sees the words, not the facts they were rendered from.
        enum CodingKeys: String, CodingKey {
            case reference, grouped, link, name, plate, ticket, ticketDate, lastContact, messageWaiting, stateWords, matchedByWords
        }
        let lastContact: String
        let messageWaiting: Bool
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
        // From the zone's offset: `local(_:)` asks Foundation's calendar for every field, twice a row.
        func day(_ date: Date) -> String { LongDate.text(calendar.localDate(date)) }
        rows = found.hits.map { hit in
            Row(
                reference: hit.reference.value, grouped: hit.reference.grouped, link: StaffURL.case(.value(hit.reference)).path,
                name: hit.contactName ?? "", plate: hit.plate,
                ticket: hit.ticketNumber, ticketDate: day(hit.ticketIssuedAt), state: Label(hit.state),
                lastContact: hit.lastContactAt.map(day) ?? "", messageWaiting: hit.messageWaiting, matchedBy: Reading(hit.matchedBy))
        }
        hasRows = !rows.isEmpty
        mayBeMore = rows.count >= FindCases.limit
        shown = rows.count
    }

    /// Fills in each row's words from the partials, rendering each distinct state and reading once.
    mutating func wordRows(with pages: PageRenderer) {
        var states: [String: String] = [:]
        var readings: [String: String] = [:]
        for index in rows.indices {
            let row = rows[index]
            let stateKey = row.state.code
            if states[stateKey] == nil { states[stateKey] = pages.fragment("partials/state-label", value: row.state) ?? "" }
            let readingKey = row.matchedBy.key
            if readings[readingKey] == nil { readings[readingKey] = pages.fragment("agent/reading", value: row.matchedBy) ?? "" }
            rows[index].stateWords = states[stateKey] ?? ""
            rows[index].matchedByWords = readings[readingKey] ?? ""
        }
    }

    /// One reading of the text, for its words in templates/agent/reading.mustache.
    struct Reading: Sendable, Encodable {
        let value: String
        /// Which reading with which value, to render each distinct one once.
        let key: String
        /// Another reading follows (for the separator between them).
        var more = false
        var reference = false, typo = false, ticket = false, plate = false, phone = false, email = false, surname = false
        var name = false

        init(_ query: SearchQuery) {
            switch query {
            case .reference(let r): (value, reference, key) = (r.grouped, true, "reference " + r.value)
            case .mistypedReference: (value, typo, key) = ("", true, "typo")
            case .ticket(let t): (value, ticket, key) = (t.value, true, "ticket " + t.value)
            case .plate(let p): (value, plate, key) = (p.value, true, "plate " + p.value)
            case .phone(let n): (value, phone, key) = (n, true, "phone " + n)
            case .email(let e): (value, email, key) = (e, true, "email " + e)
            case .surname(let k): (value, surname, key) = (k, true, "surname " + k)
            case .name(let surname, let given):
                value = (given + [surname]).joined(separator: " ")
                (name, key) = (true, "name " + value)
            }
        }
    }
}
