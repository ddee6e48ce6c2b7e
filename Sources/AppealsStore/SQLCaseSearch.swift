import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The agent's search in SQL, one statement: an indexed look-up per reading (the case's primary key, `cases_ticket`,
/// `tickets_plate`, `appeals_mobile`, `appeals_email_lower`, `appeals_surname`), joined to what tells the cases found
/// apart. One statement rather than one per reading and one more for the details: each statement costs a thread
/// hop and a fresh prepare, more than these look-ups themselves. `CaseSearchPlanTests` shows the plan uses the indexes.
public struct SQLCaseSearch: CaseSearch {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func cases(matching readings: [SearchQuery], limit: Int) async throws -> [CaseSearchHit] {
        guard !readings.isEmpty else { return [] }
        let rows = try await database.withConnection { db in try await db.raw(Self.search(readings, limit: limit)).all() }
        // A case found by several readings counts once, for the first of them.
        var seen: Set<String> = []
        let firstFinds = try rows.map { (row: $0, reading: try $0.decode(column: "reading", as: Int.self)) }
            .sorted { $0.reading < $1.reading }
            .filter { seen.insert(try $0.row.decode(column: "reference", as: String.self)).inserted }
            .prefix(limit)
        return try firstFinds.compactMap { row, index -> CaseSearchHit? in
            guard readings.indices.contains(index),
                let reference = CaseReference(try row.decode(column: "reference", as: String.self)),
                let state = CaseState(rawValue: try row.decode(column: "state", as: String.self))
            else { return nil }
            let reading = readings[index]
            var hit = CaseSearchHit(
                reference: reference, state: state, contactName: try row.decode(column: "contact_name", as: String?.self),
                plate: try row.decode(column: "plate", as: String.self),
                ticketNumber: try row.decode(column: "ticket_number", as: String.self),
                ticketIssuedAt: try Stored.date(row, "issued_at"), receivedAt: try Stored.date(row, "received_at"),
                lastContactAt: try row.decode(column: "last_contact", as: String?.self).flatMap(ISO8601Timestamp.parse),
                matchedBy: reading)
            hit.messageWaiting = try row.decode(column: "message_waiting", as: Bool.self)
            return hit
        }
    }

    /// The one statement: each reading's look-up (numbered, to tell which found a case), and what tells the cases apart.
    static func search(_ readings: [SearchQuery], limit: Int) -> SQLQueryString {
        var found = SQLQueryString("")
        for (index, reading) in readings.enumerated() {
            let number = String(index)
            if index > 0 { found += " UNION ALL " }
            found += "SELECT reference, \(unsafeRaw: number) AS reading FROM (\(lookUp(reading, limit: limit))) AS r\(unsafeRaw: number)"
        }
        return """
            SELECT f.reading, c.reference, c.state, c.received_at, c.message_waiting, a.contact_name, t.plate, t.ticket_number, t.issued_at,
                (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.case_reference = c.reference) AS last_contact
            FROM (\(found)) AS f JOIN cases c ON c.reference = f.reference JOIN tickets t ON t.ticket_number = c.ticket_number
            LEFT JOIN appeals a ON a.case_reference = c.reference
            """
    }

    /// The most recent appeals first (a common surname or a fleet's number matches more than a search shows): read
    /// from the end of the index's range, which ends with `received_at` (migration 0019).
    static func newest(_ limit: Int) -> SQLQueryString { " ORDER BY received_at DESC LIMIT \(unsafeRaw: String(limit))" }

    /// The statement that finds the references one reading matches.
    static func lookUp(_ reading: SearchQuery, limit: Int) -> SQLQueryString {
        switch reading {
        case .reference(let reference):
            return "SELECT reference FROM cases WHERE reference = \(bind: reference.value)"
        case .mistypedReference(let near):
            let values = near.isEmpty ? [""] : near.map(\.value)
            return "SELECT reference FROM cases WHERE reference IN (\(binds: values))"
        case .ticket(let ticket):
            return "SELECT reference FROM cases WHERE ticket_number = \(bind: ticket.value) LIMIT \(unsafeRaw: String(limit))"
        case .plate(let plate):
            return """
                SELECT c.reference FROM tickets t JOIN cases c ON c.ticket_number = t.ticket_number
                WHERE t.plate = \(bind: plate.value) LIMIT \(unsafeRaw: String(limit))
                """
        case .phone(let e164):
            return "SELECT case_reference AS reference FROM appeals WHERE mobile_e164 = \(bind: e164)" + newest(limit)
        case .email(let email):
            return "SELECT case_reference AS reference FROM appeals WHERE lower(email) = \(bind: email.lowercased())" + newest(limit)
        case .surname(let key):
            return "SELECT case_reference AS reference FROM appeals WHERE surname_key = \(bind: key)" + newest(limit)
        case .name(let surname, let given):
            // The given words are letters only (`SearchQuery.nameWords`): nothing in them is a LIKE wildcard.
            var statement: SQLQueryString = "SELECT case_reference AS reference FROM appeals WHERE surname_key = \(bind: surname)"
            for word in given { statement += " AND name_key LIKE \(bind: "% " + word + "%")" }
            return statement + newest(limit)
        }
    }
}
