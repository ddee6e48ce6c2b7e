import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The enforcement feed's rows in SQL (`enforcement_events`, written with each case change by the case store).
public struct SQLEnforcementFeed: EnforcementFeed {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let columns = "id, ticket_number, case_reference, event, hold_from, hold_to, outcome, amount_cents, occurred_at"

    public func exportUnsent(
        _ export: EnforcementExport, pageSize: Int, write: @Sendable ([EnforcementRecord]) async throws -> Void,
        finish: @Sendable () async throws -> Void
    ) async throws -> Int {
        try await database.transaction { db in
            // PostgreSQL: a second exporter waits here until this one has committed, then finds nothing left.
            if database.engine == .postgres { try await db.raw("LOCK TABLE enforcement_exports IN EXCLUSIVE MODE").run() }
            var count = 0
            var cursor: EnforcementRecord?
            while case let page = try await Self.page(
                on: db, where: SQLQueryString("export_id IS NULL"), after: cursor, limit: pageSize), !page.isEmpty
            {
                try await write(page)
                try await db.update("enforcement_events").set("export_id", to: SQLBind(export.id))
                    .where("id", .in, SQLBind.group(page.map(\.id))).run()
                count += page.count
                cursor = page.last
            }
            try await finish()
            try await db.insert(into: "enforcement_exports").columns("id", "exported_at", "rows_sent", "file_name")
                .values(SQLBind(export.id), SQLBind(Stored.time(export.at)), SQLBind(count), SQLBind(export.fileName)).run()
            return count
        }
    }

    public func records(since: Date, after cursor: EnforcementRecord?, limit: Int) async throws -> [EnforcementRecord] {
        try await database.withConnection { db in
            try await Self.page(on: db, where: "occurred_at >= \(bind: Stored.time(since))", after: cursor, limit: limit)
        }
    }

    /// Oldest first by (occurred_at, id), after `cursor`.
    static func page(on db: any SQLDatabase, where condition: SQLQueryString, after cursor: EnforcementRecord?, limit: Int)
        async throws -> [EnforcementRecord]
    {
        var sql: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM enforcement_events WHERE "
        sql.appendInterpolation(condition)
        if let cursor {
            let at = Stored.time(cursor.event.at)
            sql.appendLiteral(" AND (occurred_at > ")
            sql.appendInterpolation(bind: at)
            sql.appendLiteral(" OR (occurred_at = ")
            sql.appendInterpolation(bind: at)
            sql.appendLiteral(" AND id > ")
            sql.appendInterpolation(bind: cursor.id)
            sql.appendLiteral("))")
        }
        sql.appendLiteral(" ORDER BY occurred_at, id LIMIT \(limit)")
        return try await db.raw(sql).all().map(record)
    }

    static func record(_ row: any SQLRow) throws -> EnforcementRecord {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        guard let ticket = TicketNumber(try text("ticket_number")), let reference = CaseReference(try text("case_reference")),
            let kind = EnforcementEvent.Kind(rawValue: try text("event"))
        else { throw StoredDataError.corrupt(table: "enforcement_events", detail: "unreadable ticket, case or event") }
        let conclusion = try row.decode(column: "outcome", as: String?.self).flatMap(Conclusion.init(rawValue:))
        return EnforcementRecord(
            id: try text("id"), ticketNumber: ticket, caseReference: reference,
            event: EnforcementEvent(
                kind: kind, holdFrom: try Stored.date(row, "hold_from"),
                holdTo: try row.decode(column: "hold_to", as: String?.self).flatMap(ISO8601Timestamp.parse), conclusion: conclusion,
                amountCents: try row.decode(column: "amount_cents", as: Int?.self), at: try Stored.date(row, "occurred_at")))
    }
}
