import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Calls back in SQL. One open callback per case (a partial unique index), and the sweep's `UPDATE … WHERE
/// status = 'due' … RETURNING` marks each missed window once however many sweepers run.
public struct SQLCallbacks: CallbackStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let columns =
        "id, case_reference, phone, window_id, starts_at, ends_at, reason, requested_by, requested_at, status"

    public func book(_ callback: Callback, interaction: Interaction, notice: String) async throws -> Bool {
        try await database.transaction { db in
            let inserted = try await db.raw(
                """
                INSERT INTO callbacks (\(unsafeRaw: Self.columns))
                VALUES (\(bind: callback.id), \(bind: callback.reference.value), \(bind: callback.phone), \(bind: callback.window.id),
                    \(bind: Stored.time(callback.startsAt)), \(bind: Stored.time(callback.endsAt)), \(bind: callback.reason),
                    \(bind: callback.requestedBy), \(bind: Stored.time(callback.requestedAt)), 'due')
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).all()
            guard !inserted.isEmpty else { return false }
            try await SQLCaseStore.insert([(callback.reference, interaction)], on: db)
            try await db.insert(into: "notifications").columns("id", "case_reference", "recipient", "kind", "created_at", "body")
                .values(
                    SQLBind(Stored.newID()), SQLBind(callback.reference.value), SQLBind("citizen"),
                    SQLBind(NotificationKind.callbackBooked.rawValue), SQLBind(Stored.time(callback.requestedAt)), SQLBind(notice)
                ).run()
            return true
        }
    }

    public func open(of reference: CaseReference) async throws -> Callback? {
        try await database.withConnection { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM callbacks
                WHERE case_reference = \(bind: reference.value) AND status IN ('due', 'missed')
                """
            ).first().map(Self.callback)
        }
    }

    public func open(limit: Int) async throws -> (callbacks: [Callback], count: Int) {
        try await database.withConnection { db in
            let callbacks = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM callbacks WHERE status IN ('due', 'missed')
                ORDER BY starts_at, requested_at, id LIMIT \(bind: limit)
                """
            ).all().map(Self.callback)
            let count =
                try await db.raw("SELECT COUNT(*) AS n FROM callbacks WHERE status IN ('due', 'missed')").first()?
                .decode(column: "n", as: Int.self) ?? 0
            return (callbacks, count)
        }
    }

    public func complete(of reference: CaseReference, at now: Date, by staff: StaffID, early: Bool) async throws -> Bool {
        let windowStarted = Stored.time(early ? .distantFuture : now)
        return try await database.write { db in
            try await !db.raw(
                """
                UPDATE callbacks SET status = 'done', done_at = \(bind: Stored.time(now)), done_by = \(bind: staff.value)
                WHERE case_reference = \(bind: reference.value) AND status IN ('due', 'missed') AND starts_at <= \(bind: windowStarted)
                RETURNING id
                """
            ).all().isEmpty
        }
    }

    public func markMissed(before now: Date, interaction: (Callback) -> Interaction) async throws -> [Callback] {
        try await database.transaction { db in
            let missed = try await db.raw(
                """
                UPDATE callbacks SET status = 'missed', missed_at = \(bind: Stored.time(now))
                WHERE status = 'due' AND ends_at < \(bind: Stored.time(now)) RETURNING \(unsafeRaw: Self.columns)
                """
            ).all().map(Self.callback)
            try await SQLCaseStore.insert(missed.map { ($0.reference, interaction($0)) }, on: db)
            for callback in missed {
                try await db.insert(into: "notifications").columns("id", "case_reference", "recipient", "kind", "created_at")
                    .values(
                        SQLBind(Stored.newID()), SQLBind(callback.reference.value), SQLBind("supervisors"),
                        SQLBind(NotificationKind.callbackMissed.rawValue), SQLBind(Stored.time(now))
                    ).run()
            }
            return missed
        }
    }

    static func callback(_ row: any SQLRow) throws -> Callback {
        guard let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)),
            let window = CallbackWindow(id: try row.decode(column: "window_id", as: String.self)),
            let status = Callback.Status(rawValue: try row.decode(column: "status", as: String.self))
        else { throw StoredDataError.corrupt(table: "callbacks", detail: "unreadable callback") }
        return Callback(
            id: try row.decode(column: "id", as: String.self), reference: reference,
            phone: try row.decode(column: "phone", as: String.self),
            window: window, startsAt: try Stored.date(row, "starts_at"), endsAt: try Stored.date(row, "ends_at"),
            reason: try row.decode(column: "reason", as: String.self), requestedBy: try row.decode(column: "requested_by", as: String.self),
            requestedAt: try Stored.date(row, "requested_at"), status: status)
    }
}
