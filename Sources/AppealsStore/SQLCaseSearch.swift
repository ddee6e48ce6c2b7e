import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The agent's search in SQL: one indexed look-up per reading (the case's primary key, `cases_ticket`,
/// `tickets_plate`, `appeals_mobile`, `appeals_email_lower`, `appeals_surname`), then one read of what tells the
/// cases found apart. `CaseSearchPlanTests` shows each statement's plan uses its index.
public struct SQLCaseSearch: CaseSearch {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func cases(matching readings: [SearchQuery], limit: Int) async throws -> [CaseSearchHit] {
        try await database.withConnection { db in
            var found: [(reference: String, reading: SearchQuery)] = []
            for reading in readings {
                for reference in try await db.raw(Self.lookUp(reading, limit: limit)).all()
                    .map({ try $0.decode(column: "reference", as: String.self) })
                where !found.contains(where: { $0.reference == reference }) {
                    found.append((reference, reading))
                }
            }
            guard !found.isEmpty else { return [] }
            let rows = try await db.raw(Self.details(found.prefix(limit).map(\.reference))).all()
            return try rows.compactMap { row -> CaseSearchHit? in
                let value = try row.decode(column: "reference", as: String.self)
                guard let reference = CaseReference(value),
                    let state = CaseState(rawValue: try row.decode(column: "state", as: String.self)),
                    let reading = found.first(where: { $0.reference == value })?.reading
                else { return nil }
                return CaseSearchHit(
                    reference: reference, state: state, contactName: try row.decode(column: "contact_name", as: String?.self),
                    plate: try row.decode(column: "plate", as: String.self),
                    ticketNumber: try row.decode(column: "ticket_number", as: String.self),
                    ticketIssuedAt: try Stored.date(row, "issued_at"), receivedAt: try Stored.date(row, "received_at"),
                    lastContactAt: try row.decode(column: "last_contact", as: String?.self).flatMap(ISO8601Timestamp.parse),
                    matchedBy: reading)
            }
        }
    }

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
            return
                "SELECT case_reference AS reference FROM appeals WHERE mobile_e164 = \(bind: e164) LIMIT \(unsafeRaw: String(limit))"
        case .email(let email):
            return """
                SELECT case_reference AS reference FROM appeals WHERE lower(email) = \(bind: email.lowercased())
                LIMIT \(unsafeRaw: String(limit))
                """
        case .surname(let key):
            return
                "SELECT case_reference AS reference FROM appeals WHERE surname_key = \(bind: key) LIMIT \(unsafeRaw: String(limit))"
        }
    }

    /// What tells the found cases apart: the name, the plate, the ticket's date, the state and the last contact.
    static func details(_ references: [String]) -> SQLQueryString {
        """
        SELECT c.reference, c.state, c.received_at, a.contact_name, t.plate, t.ticket_number, t.issued_at,
            (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.case_reference = c.reference) AS last_contact
        FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
        LEFT JOIN appeals a ON a.case_reference = c.reference
        WHERE c.reference IN (\(binds: references))
        """
    }
}
