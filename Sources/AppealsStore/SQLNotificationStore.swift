import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The outbox in SQL. A claim is one `UPDATE … WHERE id IN (due ones) AND <still due> RETURNING`: on PostgreSQL a
/// second sender updating the same row at once waits for the first and then finds it no longer due (the outer
/// condition is checked again on the row it waited for); on SQLite writers take turns.
public struct SQLNotificationStore: NotificationStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func claim(limit: Int, by sender: String, now: Date, leaseUntil: Date) async throws -> [OutboxMessage] {
        let time = Stored.time(now)
        return try await database.write { db in
            try await db.raw(
                """
                UPDATE notifications SET status = 'sending', claimed_by = \(bind: sender), claimed_until = \(bind: Stored.time(leaseUntil)),
                attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM notifications WHERE recipient = 'citizen' AND (
                        (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: time)))
                        OR (status = 'sending' AND claimed_until < \(bind: time)))
                    ORDER BY created_at, id LIMIT \(bind: limit))
                AND recipient = 'citizen' AND (
                    (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: time)))
                    OR (status = 'sending' AND claimed_until < \(bind: time)))
                RETURNING id, case_reference, kind, created_at, attempts, last_error, body, address, subject
                """
            ).all().map(Self.message).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    public func markSent(_ id: String, by sender: String, at: Date, interaction: Interaction?) async throws -> Bool {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE notifications SET status = 'sent', sent_at = \(bind: Stored.time(at)), last_error = NULL
                WHERE id = \(bind: id) AND status = 'sending' AND claimed_by = \(bind: sender) RETURNING case_reference
                """
            ).all()
            guard let row = rows.first else { return false }
            if let interaction, let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)) {
                try await SQLCaseStore.insert([(reference, interaction)], on: db)
            }
            return true
        }
    }

    public func markRetry(_ id: String, by sender: String, next: Date, error: String) async throws {
        try await database.write { db in
            try await db.update("notifications").set("status", to: SQLBind("pending")).set(
                "next_attempt_at", to: SQLBind(Stored.time(next))
            )
            .set("last_error", to: SQLBind(String(error.prefix(500)))).set("claimed_by", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind("sending")).where("claimed_by", .equal, SQLBind(sender)).run()
        }
    }

    public func markFailed(
        _ id: String, by sender: String, at: Date, error: String, interaction: Interaction?, letterInstead: LetterKind?
    ) async throws {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE notifications SET status = 'failed', last_error = \(bind: String(error.prefix(500)))
                WHERE id = \(bind: id) AND status = 'sending' AND claimed_by = \(bind: sender) RETURNING case_reference
                """
            ).all()
            guard let row = rows.first, let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)) else {
                return
            }
            if let interaction { try await SQLCaseStore.insert([(reference, interaction)], on: db) }
            if let letterInstead { try await SQLLetterStore.queue(letterInstead, for: reference, at: at, on: db) }
        }
    }

    public func markSkipped(_ id: String, by sender: String, reason: String) async throws {
        try await database.write { db in
            try await db.update("notifications").set("status", to: SQLBind("skipped")).set("last_error", to: SQLBind(reason))
                .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind("sending")).where("claimed_by", .equal, SQLBind(sender))
                .run()
        }
    }

    public func acknowledgementsToApply(limit: Int) async throws -> [OutboxMessage] {
        try await database.withConnection { db in
            try await db.select().columns("id", "case_reference", "kind", "created_at", "attempts", "last_error", "body").from(
                "notifications"
            )
            .where("kind", .equal, SQLBind(NotificationKind.acknowledgement.rawValue)).where("status", .equal, SQLBind("sent"))
            .where("case_updated_at", .is, SQLLiteral.null).orderBy("created_at").limit(limit).all().map(Self.message)
        }
    }

    public func recordCaseUpdated(_ id: String, at: Date) async throws {
        try await database.write { db in
            try await db.update("notifications").set("case_updated_at", to: SQLBind(Stored.time(at))).where("id", .equal, SQLBind(id)).run()
        }
    }

    public func failedMessages(of reference: CaseReference?, limit: Int) async throws -> [OutboxMessage] {
        try await database.withConnection { db in
            var query = db.select().columns("id", "case_reference", "kind", "created_at", "attempts", "last_error", "body").from(
                "notifications"
            )
            .where("status", .equal, SQLBind("failed")).where("case_reference", .notEqual, SQLBind(""))
            if let reference { query = query.where("case_reference", .equal, SQLBind(reference.value)) }
            return try await query.orderBy("created_at", .descending).limit(limit).all().map(Self.message)
        }
    }

    static func message(_ row: any SQLRow) throws -> OutboxMessage {
        let reference = CaseReference(try row.decode(column: "case_reference", as: String.self))
        let address = row.allColumns.contains("address") ? try row.decode(column: "address", as: String?.self) : nil
        guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)), reference != nil || address != nil
        else { throw StoredDataError.corrupt(table: "notifications", detail: "unreadable message") }
        return OutboxMessage(
            id: try row.decode(column: "id", as: String.self), reference: reference, kind: kind,
            createdAt: try Stored.date(row, "created_at"),
            attempts: try row.decode(column: "attempts", as: Int.self), lastError: try row.decode(column: "last_error", as: String?.self),
            body: try row.decode(column: "body", as: String?.self),
            answer: try address.map {
                OutboxMessage.Answer(address: $0, subject: try row.decode(column: "subject", as: String?.self) ?? "")
            })
    }
}
