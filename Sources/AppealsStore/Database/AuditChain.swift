import AppealsServices
import Crypto
import Foundation
import SQLKit

/// Appends to and verifies the hash-chained audit trail.
///
/// Each event's hash covers its own canonical content and the previous event's hash; the head row holds the
/// last seq and hash. Appending takes the head's lock, so events are numbered 1, 2, 3 … with no gaps whatever
/// the concurrency, and any edit, deletion or reordering breaks the chain at a point `verify` can name.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    struct Row {
        let seq: Int
        let caseReference: String?
        let occurredAt: String
        let actorRole: String
        let actorID: String?
        let event: String
        let fromState: String?
        let toState: String?
        let reason: String?
        let requestID: String?
        let detail: String?

        /// Fields joined by the unit separator, which none of them can contain unnoticed: a field that did would
        /// shift the others and change the hash anyway.
        func canonical(previous: String) -> String {
            [
                String(seq), caseReference ?? "", occurredAt, actorRole, actorID ?? "", event, fromState ?? "", toState ?? "",
                reason ?? "", requestID ?? "", detail ?? "", previous,
            ].joined(separator: "\u{1F}")
        }

        func hash(previous: String) -> String {
            hexString(SHA256.hash(data: Data(canonical(previous: previous).utf8)))
        }
    }

    static func append(_ entries: [AuditEntry], on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        guard !entries.isEmpty else { return }
        let lock = engine == .postgres ? " FOR UPDATE" : ""
        guard let head = try await db.raw("SELECT seq, hash FROM audit_chain_head WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw StoredDataError.corrupt(table: "audit_chain_head", detail: "missing")
        }
        var seq = try head.decode(column: "seq", as: Int.self)
        var previous = try head.decode(column: "hash", as: String.self)
        var values: [[any Encodable & Sendable]] = []
        for entry in entries {
            seq += 1
            let row = Row(
                seq: seq, caseReference: entry.caseReference?.value, occurredAt: Stored.time(entry.at),
                actorRole: entry.actor.role.rawValue, actorID: entry.actor.staffID?.value, event: entry.event,
                fromState: entry.from?.rawValue, toState: entry.to?.rawValue, reason: entry.reason,
                requestID: entry.requestID, detail: entry.detail
            )
            let hash = row.hash(previous: previous)
            values.append([
                row.seq, row.caseReference, row.occurredAt, row.actorRole, row.actorID, row.event, row.fromState, row.toState,
                row.reason, row.requestID, row.detail, previous, hash,
            ])
            previous = hash
        }
        try await Stored.inChunks(values, of: 300) { chunk in
            try await db.run(
                BulkInsert(
                    table: "audit_events",
                    columns: [
                        "seq", "case_reference", "occurred_at", "actor_role", "actor_id", "event", "from_state", "to_state",
                        "reason", "request_id", "detail", "prev_hash", "hash",
                    ],
                    rows: Array(chunk)
                ))
        }
        try await db.update("audit_chain_head").set("seq", to: SQLBind(seq)).set("hash", to: SQLBind(previous))
            .where("id", .equal, SQLBind(1)).run()
    }

    /// The first broken link, or nil when the whole chain holds.
    static func verify(on db: any SQLDatabase) async throws -> AuditVerification {
        var expectedSeq = 1
        var previous = genesis
        var checked = 0
        while true {
            let rows = try await db.select().column("*").from("audit_events")
                .where("seq", .greaterThanOrEqual, SQLBind(expectedSeq)).orderBy("seq").limit(5_000).all()
            if rows.isEmpty { break }
            for r in rows {
                let row = Row(
                    seq: try r.decode(column: "seq", as: Int.self),
                    caseReference: try r.decode(column: "case_reference", as: String?.self),
                    occurredAt: try r.decode(column: "occurred_at", as: String.self),
                    actorRole: try r.decode(column: "actor_role", as: String.self),
                    actorID: try r.decode(column: "actor_id", as: String?.self),
                    event: try r.decode(column: "event", as: String.self),
                    fromState: try r.decode(column: "from_state", as: String?.self),
                    toState: try r.decode(column: "to_state", as: String?.self),
                    reason: try r.decode(column: "reason", as: String?.self),
                    requestID: try r.decode(column: "request_id", as: String?.self),
                    detail: try r.decode(column: "detail", as: String?.self)
                )
                let storedPrevious = try r.decode(column: "prev_hash", as: String.self)
                let storedHash = try r.decode(column: "hash", as: String.self)
                guard row.seq == expectedSeq else {
                    return .broken(seq: expectedSeq, problem: .missing, checked: checked)
                }
                guard storedPrevious == previous else {
                    return .broken(seq: row.seq, problem: .doesNotFollowPrevious, checked: checked)
                }
                guard row.hash(previous: storedPrevious) == storedHash else {
                    return .broken(seq: row.seq, problem: .contentChanged, checked: checked)
                }
                previous = storedHash
                expectedSeq += 1
                checked += 1
            }
        }
        let head = try await db.raw("SELECT seq, hash FROM audit_chain_head WHERE id = 1").first()
        let headSeq = try head?.decode(column: "seq", as: Int.self) ?? -1
        let headHash = try head?.decode(column: "hash", as: String.self) ?? ""
        guard headSeq == checked, headHash == previous else {
            return .broken(seq: checked + 1, problem: headSeq > checked ? .missing : .doesNotFollowPrevious, checked: checked)
        }
        return .intact(events: checked)
    }
}
