import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

extension SQLCaseStore {

    /// Writes changes; `lockedCases` says the case rows are already held by this transaction (the sweeper's
    /// claim), so they can be written in bulk without a per-row version check.
    func write(_ changes: [CaseChange], firings: Set<DeadlineFiring>, lockedCases: Bool, on db: any SQLDatabase) async throws {
        let now = Stored.time(clock.now())
        var inserts: [(Case, String?)] = []
        var bulkUpdates: [(Case, Int)] = []
        for change in changes {
            if change.expectedVersion == nil {
                let filed = change.interactions.first { $0.kind == .appealFiled }
                inserts.append((change.updated, filed?.channel.rawValue))
            } else if change.updated.version != change.expectedVersion {
                if lockedCases {
                    bulkUpdates.append((change.updated, change.priority))
                } else {
                    try await updateChecked(change, now: now, on: db)
                }
            }
        }
        let priorities = Dictionary(changes.map { ($0.updated.reference, $0.priority) }, uniquingKeysWith: { $1 })
        try await Stored.inChunks(inserts, of: 200) { chunk in
            try await db.run(
                BulkInsert(
                    table: "cases", columns: CaseRow.insertColumns,
                    rows: try chunk.map { c, channel in
                        try CaseRow.values(c, priority: priorities[c.reference] ?? 0, updatedAt: now) + [channel]
                    }
                ))
        }
        try await Stored.inChunks(bulkUpdates, of: 200) { chunk in
            try await db.run(
                BulkInsert(
                    table: "cases", columns: CaseRow.columns,
                    rows: try chunk.map { try CaseRow.values($0.0, priority: $0.1, updatedAt: now) },
                    conflict: .update(key: ["reference"])
                ))
        }

        try await AuditChain.append(changes.flatMap(\.audit), on: db, engine: database.engine)

        let deadlineRows = changes.flatMap { change in
            (change.deadlines ?? []).map { DeadlineRow(change.updated.reference, $0, firings: firings) }
        }
        try await Self.upsert(deadlineRows: deadlineRows, on: db)
        try await Self.refreshNextDue(changes.filter { $0.deadlines != nil }.map(\.updated.reference.value), on: db)

        let notifications: [[any Encodable & Sendable]] = changes.flatMap { change in
            change.notifications.map { n in
                [Stored.newID(), change.updated.reference.value, n.recipient.stored, n.kind.rawValue, now]
            }
        }
        try await Stored.inChunks(notifications) { chunk in
            try await db.run(
                BulkInsert(
                    table: "notifications", columns: ["id", "case_reference", "recipient", "kind", "created_at"], rows: Array(chunk)
                ))
        }
        var letters: [[any Encodable & Sendable]] = []
        for change in changes where !change.letters.isEmpty {
            let facts = String(decoding: try JSONEncoder().encode(change.letterSnapshot), as: UTF8.self)
            for kind in change.letters {
                letters.append([Stored.newID(), change.updated.reference.value, kind.rawValue, "queued", now, facts])
            }
        }
        try await Stored.inChunks(letters) { chunk in
            try await db.run(
                BulkInsert(
                    table: "letters", columns: ["id", "case_reference", "kind", "status", "queued_at", "facts"], rows: Array(chunk)
                ))
        }
        let appeals: [[any Encodable & Sendable]] = changes.compactMap { change in
            change.filing.map { a in
                [
                    change.updated.reference.value, a.statement, a.lateReason, a.contactName, a.postalAddress, a.email, a.mobile,
                    a.preferredChannel.rawValue, a.language, SearchQuery.surnameKey(a.contactName), SearchQuery.nameKey(a.contactName),
                    Stored.time(change.updated.receivedAt),
                ] + AddressColumns.values(a.address)
            }
        }
        try await Stored.inChunks(appeals, of: 200) { chunk in
            try await db.run(
                BulkInsert(
                    table: "appeals",
                    columns: [
                        "case_reference", "statement", "late_reason", "contact_name", "postal_address", "email", "mobile_e164",
                        "preferred_channel", "language", "surname_key", "name_key", "received_at",
                    ] + AddressColumns.names,
                    rows: Array(chunk)
                ))
        }
        try await Self.insert(changes.flatMap { change in change.interactions.map { (change.updated.reference, $0) } }, on: db)
        let enforcement: [[any Encodable & Sendable]] = changes.flatMap { change in
            change.enforcement.map { e in
                [
                    Stored.newID(), change.updated.ticketNumber.value, change.updated.reference.value, e.kind.rawValue,
                    Stored.time(e.holdFrom), Stored.time(e.holdTo), e.conclusion?.rawValue, e.amountCents, Stored.time(e.at),
                ]
            }
        }
        try await Stored.inChunks(enforcement, of: 200) { chunk in
            try await db.run(
                BulkInsert(
                    table: "enforcement_events",
                    columns: [
                        "id", "ticket_number", "case_reference", "event", "hold_from", "hold_to", "outcome", "amount_cents", "occurred_at",
                    ],
                    rows: Array(chunk)
                ))
        }
        try await MeasureCounts.add(changes.flatMap(\.measures), on: db)
        for change in changes where !change.evidence.isEmpty {
            try await db.update("evidence")
                .set("case_reference", to: SQLBind(change.updated.reference.value)).set("draft_key", to: SQLLiteral.null)
                .where("id", .in, SQLBind.group(change.evidence.map(\.value))).run()
        }
    }

    private func updateChecked(_ change: CaseChange, now: String, on db: any SQLDatabase) async throws {
        let c = change.updated
        var update = db.update("cases")
        for (column, value) in zip(CaseRow.columns, try CaseRow.values(c, priority: change.priority, updatedAt: now))
        where column != "reference" {
            update = update.set(SQLIdentifier(column), to: SQLBind(value))
        }
        let updated =
            try await update
            .where("reference", .equal, SQLBind(c.reference.value))
            .where("version", .equal, SQLBind(change.expectedVersion!))
            .returning("reference").all()
        guard !updated.isEmpty else { throw CaseChangedSinceRead(reference: c.reference) }
    }

    /// Keeps `cases.next_due_at` (the queue's sort key) in step with the cases' running deadlines.
    static func refreshNextDue(_ references: [String], on db: any SQLDatabase) async throws {
        try await Stored.inChunks(references) { chunk in
            try await db.raw(
                """
                UPDATE cases SET next_due_at = COALESCE((SELECT MIN(d.due_at) FROM case_deadlines d
                  WHERE d.case_reference = cases.reference AND d.status = 'running' AND d.due_at IS NOT NULL), '9999-12-31T00:00:00Z')
                WHERE reference IN (\(binds: Array(chunk)))
                """
            ).run()
        }
    }

    static func upsert(deadlineRows rows: [DeadlineRow], on db: any SQLDatabase) async throws {
        try await Stored.inChunks(rows, of: 300) { chunk in
            try await db.run(
                BulkInsert(
                    table: "case_deadlines", columns: DeadlineRow.columns, rows: chunk.map(\.values),
                    conflict: .update(key: ["case_reference", "kind"])
                ))
        }
    }
}
