import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Messages citizens send us, in SQL. A message is claimed with `ON CONFLICT (message_key) DO NOTHING`, so two
/// receivers that read the same message at once (two IMAP pollers, a retried pipe delivery) claim it once, and the
/// one that lost does nothing with it; the files of an unmatched message are evidence owned by the message
/// (`InboundMessage.filesKey`), moved to the case when staff attach it.
public struct SQLInbox: InboxStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func claim(_ message: InboundMessage, now: Date, until: Date) async throws -> InboxClaim {
        try await database.transaction { db in
            let id = Stored.newID()
            let inserted = try await db.raw(
                """
                INSERT INTO inbound_messages (id, message_key, channel, received_at, sender, sender_name, subject, new_text, full_text,
                    disposition, attachments, state, claimed_until)
                VALUES (\(bind: id), \(bind: message.key), \(bind: message.channel.rawValue), \(bind: Stored.time(message.receivedAt)),
                    \(bind: message.sender), \(bind: message.senderName), \(bind: message.subject), \(bind: message.newText),
                    \(bind: message.fullText), \(bind: message.disposition.rawValue), \(bind: message.attachments), 'receiving',
                    \(bind: Stored.time(until)))
                ON CONFLICT (message_key) DO NOTHING RETURNING id
                """
            ).all()
            if !inserted.isEmpty { return .claimed(id: id, filesKept: 0) }
            let taken = try await db.raw(
                """
                UPDATE inbound_messages SET claimed_until = \(bind: Stored.time(until))
                WHERE message_key = \(bind: message.key) AND state = 'receiving' AND claimed_until < \(bind: Stored.time(now))
                RETURNING id, files_kept
                """
            ).all()
            if let row = taken.first {
                return .claimed(
                    id: try row.decode(column: "id", as: String.self), filesKept: try row.decode(column: "files_kept", as: Int.self))
            }
            let state = try await db.select().column("state").from("inbound_messages").where("message_key", .equal, SQLBind(message.key))
                .first()?.decode(column: "state", as: String.self)
            return state == "receiving" ? .busy : .finished
        }
    }

    public func release(_ id: String) async throws {
        try await database.write { db in
            try await db.update("inbound_messages").set("claimed_until", to: SQLBind(Stored.time(.distantPast)))
                .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind("receiving")).run()
        }
    }

    public func keptFiles(_ id: String, count: Int) async throws {
        try await database.write { db in
            try await db.update("inbound_messages").set("files_kept", to: SQLBind(count)).where("id", .equal, SQLBind(id)).run()
        }
    }

    public func finish(_ id: String, _ message: InboundMessage, interaction: Interaction?) async throws -> Bool {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE inbound_messages SET state = 'done', claimed_until = NULL, disposition = \(bind: message.disposition.rawValue),
                    case_reference = \(bind: message.reference?.value), outbox_id = \(bind: message.outboxID),
                    why = \(bind: message.why?.rawValue)
                WHERE id = \(bind: id) AND state = 'receiving' RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { return false }
            if let interaction, let reference = message.reference { try await SQLCaseStore.insert([(reference, interaction)], on: db) }
            return true
        }
    }

    public func caseOfOutgoing(_ id: String) async throws -> CaseReference? {
        try await database.withConnection { db in
            try await db.select().column("case_reference").from("notifications").where("id", .equal, SQLBind(id))
                .where("recipient", .equal, SQLBind("citizen")).first()
                .flatMap { CaseReference(try $0.decode(column: "case_reference", as: String.self)) }
        }
    }

    public func markReturned(_ id: String, error: String, interaction: Interaction, at: Date) async throws -> Bool {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE notifications SET status = 'failed', last_error = \(bind: String(error.prefix(500)))
                WHERE id = \(bind: id) AND status = 'sent' RETURNING case_reference, kind
                """
            ).all()
            guard let row = rows.first, let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)) else {
                return false
            }
            try await SQLCaseStore.insert([(reference, interaction)], on: db)
            if try row.decode(column: "kind", as: String.self) == NotificationKind.acknowledgement.rawValue {
                try await SQLLetterStore.queue(.acknowledgement, for: reference, at: at, on: db)
            }
            return true
        }
    }

    public func openCases(mobile: String) async throws -> [CaseReference] {
        try await database.withConnection { db in
            try await db.raw(
                """
                SELECT a.case_reference FROM appeals a JOIN cases c ON c.reference = a.case_reference
                WHERE a.mobile_e164 = \(bind: mobile) AND c.state NOT IN ('closed', 'withdrawn', 'deemed_accepted')
                ORDER BY a.case_reference LIMIT 20
                """
            ).all().compactMap { CaseReference(try $0.decode(column: "case_reference", as: String.self)) }
        }
    }

    public func stopTexts(_ mobile: String, at: Date, interaction: Interaction) async throws -> [CaseReference] {
        try await database.transaction { db in
            try await db.raw(
                "INSERT INTO texts_stopped (mobile_e164, stopped_at) VALUES (\(bind: mobile), \(bind: Stored.time(at))) ON CONFLICT DO NOTHING"
            ).run()
            let switched = try await db.raw(
                """
                UPDATE appeals SET preferred_channel = CASE WHEN email IS NULL THEN 'letter' ELSE 'email' END
                WHERE mobile_e164 = \(bind: mobile) AND preferred_channel = 'sms' RETURNING case_reference
                """
            ).all().compactMap { CaseReference(try $0.decode(column: "case_reference", as: String.self)) }
            try await SQLCaseStore.insert(switched.map { ($0, interaction) }, on: db)
            return switched
        }
    }

    public func startTexts(_ mobile: String, interaction: Interaction) async throws -> [CaseReference] {
        try await database.transaction { db in
            guard try await !db.raw("DELETE FROM texts_stopped WHERE mobile_e164 = \(bind: mobile) RETURNING mobile_e164").all().isEmpty
            else { return [] }
            let switched = try await db.raw(
                """
                UPDATE appeals SET preferred_channel = 'sms'
                WHERE mobile_e164 = \(bind: mobile) AND preferred_channel <> 'sms' AND EXISTS (
                    SELECT 1 FROM interactions i WHERE i.case_reference = appeals.case_reference AND i.kind = 'texts_stopped')
                RETURNING case_reference
                """
            ).all().compactMap { CaseReference(try $0.decode(column: "case_reference", as: String.self)) }
            try await SQLCaseStore.insert(switched.map { ($0, interaction) }, on: db)
            return switched
        }
    }

    public func markDelivered(_ id: String, at: Date) async throws -> Bool {
        try await database.write { db in
            try await !db.raw(
                """
                UPDATE notifications SET delivered_at = \(bind: Stored.time(at))
                WHERE id = \(bind: id) AND status = 'sent' AND delivered_at IS NULL RETURNING id
                """
            ).all().isEmpty
        }
    }

    public func messages(of reference: CaseReference, limit: Int) async throws -> [InboundMessage] {
        try await database.withConnection { db in
            try await Self.select(db).where("case_reference", .equal, SQLBind(reference.value)).where("state", .equal, SQLBind("done"))
                .orderBy("received_at", .descending)
                .limit(limit).all().map(Self.message)
        }
    }

    public func markRead(of reference: CaseReference, by staff: StaffID, at: Date) async throws {
        try await database.write { db in
            try await db.update("inbound_messages").set("read_at", to: SQLBind(Stored.time(at))).set("read_by", to: SQLBind(staff.value))
                .where("case_reference", .equal, SQLBind(reference.value)).where("read_at", .is, SQLLiteral.null).run()
        }
    }

    public func message(_ id: String) async throws -> InboundMessage? {
        try await database.withConnection { db in try await Self.select(db).where("id", .equal, SQLBind(id)).first().map(Self.message) }
    }

    public func unmatched(limit: Int) async throws -> (messages: [InboundMessage], count: Int) {
        try await database.withConnection { db in
            let messages = try await Self.select(db).where("disposition", .equal, SQLBind(InboundMessage.Disposition.unmatched.rawValue))
                .where("case_reference", .is, SQLLiteral.null).where("answered_at", .is, SQLLiteral.null).where(
                    "state", .equal, SQLBind("done")
                )
                .orderBy("received_at").orderBy("id")
                .limit(limit).all().map(Self.message)
            let count =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM inbound_messages
                    WHERE disposition = 'unmatched' AND case_reference IS NULL AND answered_at IS NULL AND state = 'done'
                    """
                )
                .first()?.decode(column: "n", as: Int.self) ?? 0
            return (messages, count)
        }
    }

    public func attach(_ id: String, to reference: CaseReference, interaction: Interaction, audit: AuditEntry) async throws -> Bool {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE inbound_messages SET case_reference = \(bind: reference.value), disposition = 'on_case'
                WHERE id = \(bind: id) AND case_reference IS NULL AND state = 'done' RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { return false }
            try await db.update("evidence").set("case_reference", to: SQLBind(reference.value)).set("draft_key", to: SQLLiteral.null)
                .where("draft_key", .equal, SQLBind(InboundMessage.filesKey(id))).run()
            try await SQLCaseStore.insert([(reference, interaction)], on: db)
            try await AuditChain.append([audit], on: db, engine: database.engine)
            return true
        }
    }

    public func answer(_ id: String, with answer: OutboxMessage, by staff: StaffID, audit: AuditEntry) async throws -> Bool {
        guard let to = answer.answer else { return false }
        return try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE inbound_messages SET answered_at = \(bind: Stored.time(answer.createdAt)), answered_by = \(bind: staff.value)
                WHERE id = \(bind: id) AND case_reference IS NULL AND answered_at IS NULL AND state = 'done' RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { return false }
            try await db.raw(
                """
                INSERT INTO notifications (id, case_reference, recipient, kind, created_at, body, address, subject)
                VALUES (\(bind: answer.id), '', 'citizen', \(bind: answer.kind.rawValue), \(bind: Stored.time(answer.createdAt)),
                \(bind: answer.body), \(bind: to.address), \(bind: to.subject))
                """
            ).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
            return true
        }
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().columns(
            "id", "message_key", "channel", "received_at", "sender", "sender_name", "subject", "new_text", "full_text", "disposition",
            "case_reference", "outbox_id", "attachments", "why", "read_at"
        ).from("inbound_messages")
    }

    static func message(_ row: any SQLRow) throws -> InboundMessage {
        guard let channel = Channel(rawValue: try row.decode(column: "channel", as: String.self)),
            let disposition = InboundMessage.Disposition(rawValue: try row.decode(column: "disposition", as: String.self))
        else { throw StoredDataError.corrupt(table: "inbound_messages", detail: "unreadable message") }
        var message = InboundMessage(
            key: try row.decode(column: "message_key", as: String.self), channel: channel, receivedAt: try Stored.date(row, "received_at"),
            sender: try row.decode(column: "sender", as: String.self), senderName: try row.decode(column: "sender_name", as: String?.self),
            subject: try row.decode(column: "subject", as: String.self), newText: try row.decode(column: "new_text", as: String.self),
            fullText: try row.decode(column: "full_text", as: String.self), disposition: disposition,
            reference: try row.decode(column: "case_reference", as: String?.self).flatMap(CaseReference.init),
            outboxID: try row.decode(column: "outbox_id", as: String?.self),
            attachments: try row.decode(column: "attachments", as: Int.self),
            why: try row.decode(column: "why", as: String?.self).flatMap(InboundMessage.Why.init))
        message.id = try row.decode(column: "id", as: String.self)
        message.readAt = try Stored.optionalDate(row, "read_at")
        return message
    }
}
