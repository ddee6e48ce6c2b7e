import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Tickets in SQL, on either engine.
public struct SQLTicketRepository: TicketRepository {
    let database: AppDatabase
    /// Rows per INSERT statement: 6,500 values, well under both engines' limits on bound parameters (32,766 and 65,535).
    static let rowsPerStatement = 500

    public init(database: AppDatabase) { self.database = database }

    public func beginImport(_ id: TicketImportID, source: String, at: Date) async throws {
        try await database.write { db in
            try await db.insert(into: "ticket_imports").columns("id", "source", "started_at")
                .values(SQLBind(id.value), SQLBind(source), SQLBind(ISO8601Timestamp.formatUTC(at))).run()
        }
    }

    public func finishImport(_ id: TicketImportID, summary: TicketImportSummary, at: Date) async throws {
        try await database.write { db in
            try await db.update("ticket_imports")
                .set("finished_at", to: SQLBind(ISO8601Timestamp.formatUTC(at)))
                .set("imported_count", to: SQLBind(summary.imported))
                .set("updated_count", to: SQLBind(summary.updated))
                .set("unchanged_count", to: SQLBind(summary.unchanged))
                .set("rejected_count", to: SQLBind(summary.rejected))
                .where("id", .equal, SQLBind(id.value)).run()
        }
    }

    public func importBatch(
        _ rows: [ImportedTicketRow], importID: TicketImportID, at: Date
    ) async throws -> [TicketUpsertOutcome] {
        let importedAt = ISO8601Timestamp.formatUTC(at)
        return try await database.transaction { db in
            // What the database already holds for these numbers, and which import last saw each.
            var known: [TicketNumber: (ticket: Ticket, importID: String, line: Int)] = [:]
            let numbers = Array(Set(rows.map(\.ticket.number.value)))
            for start in stride(from: 0, to: numbers.count, by: Self.rowsPerStatement) {
                let slice = Array(numbers[start..<min(start + Self.rowsPerStatement, numbers.count)])
                let found = try await db.run(SelectWhereIn(table: "tickets", column: "ticket_number", values: slice))
                for row in found {
                    let ticket = try Self.ticket(from: row)
                    known[ticket.number] = (
                        ticket, try row.decode(column: "last_import_id", as: String.self),
                        try row.decode(column: "last_import_line", as: Int.self)
                    )
                }
            }

            var outcomes: [TicketUpsertOutcome] = []
            outcomes.reserveCapacity(rows.count)
            var toWrite: [ImportedTicketRow] = []
            toWrite.reserveCapacity(rows.count)
            for row in rows {
                let number = row.ticket.number
                if let seen = known[number], seen.importID == importID.value {
                    outcomes.append(.duplicate(firstLine: seen.line))
                    continue
                }
                if let seen = known[number] {
                    outcomes.append(seen.ticket == row.ticket ? .unchanged : .updated)
                } else {
                    outcomes.append(.imported)
                }
                known[number] = (row.ticket, importID.value, row.line)
                toWrite.append(row)
            }

            for start in stride(from: 0, to: toWrite.count, by: Self.rowsPerStatement) {
                let slice = toWrite[start..<min(start + Self.rowsPerStatement, toWrite.count)]
                try await Self.upsert(slice, importID: importID, importedAt: importedAt, on: db)
            }
            return outcomes
        }
    }

    /// The columns a ``Ticket`` is read from (`prefix` in ``ticket(from:prefix:)`` when a join renamed them).
    static let ticketColumns = [
        "ticket_number", "plate", "plate_region", "issued_at", "location", "violation_code", "violation",
        "amount_cents", "officer_id", "towed",
    ]
    private static let columns = ticketColumns + ["first_imported_at", "last_import_id", "last_import_line"]

    private static func upsert(
        _ rows: ArraySlice<ImportedTicketRow>, importID: TicketImportID, importedAt: String, on db: any SQLDatabase
    ) async throws {
        let values: [[any Encodable & Sendable]] = rows.map { row in
            let t = row.ticket
            return [
                t.number.value, t.plate.number.value, t.plate.region.value, ISO8601Timestamp.formatUTC(t.issuedAt), t.location,
                t.violation.code, t.violation.description, t.amountCents, t.officerID.value, t.towed, importedAt, importID.value,
                row.line,
            ]
        }
        try await db.run(
            BulkInsert(
                table: "tickets", columns: columns, rows: values,
                conflict: .update(key: ["ticket_number"], keep: ["first_imported_at"])
            ))
    }

    public func ticket(_ number: TicketNumber) async throws -> Ticket? {
        try await database.withConnection { db in
            try await db.select().column("*").from("tickets").where("ticket_number", .equal, SQLBind(number.value))
                .first().map { try Self.ticket(from: $0) }
        }
    }

    public func ticketCount() async throws -> Int {
        try await database.withConnection { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("tickets")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    static func ticket(from row: any SQLRow, prefix: String = "") throws -> Ticket {
        func text(_ column: String) throws -> String { try row.decode(column: prefix + column, as: String.self) }
        guard let number = TicketNumber(try text("ticket_number")),
            let plate = PlateNumber(try text("plate")),
            let region = PlateRegion(try text("plate_region")),
            let issuedAt = ISO8601Timestamp.parse(try text("issued_at"))
        else { throw StoredDataError.corrupt(table: "tickets", detail: "unreadable identifiers or time") }
        return Ticket(
            number: number, plate: Plate(number: plate, region: region), issuedAt: issuedAt,
            location: try text("location"),
            violation: Violation(code: try text("violation_code"), description: try text("violation")),
            amountCents: try row.decode(column: prefix + "amount_cents", as: Int.self),
            officerID: OfficerID(try text("officer_id")),
            towed: try row.decode(column: prefix + "towed", as: Bool.self)
        )
    }
}
