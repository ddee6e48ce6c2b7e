import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Cases in SQL, on either engine: loading with history, committing changes with their audit events, and the
/// sweeper's claim-fire-write transaction.
public struct SQLCaseStore: CaseStore {
    let database: AppDatabase

    /// Dates rows' `updated_at` and queued letters and notifications.
    let clock: any WallClock

    /// Business days a case is open to review after entry before it may be deemed accepted (``DeadlinePolicies``).
    let minimumReviewDays: Int

    public init(database: AppDatabase, clock: any WallClock = SystemWallClock(), minimumReviewDays: Int = 2) {
        self.database = database
        self.clock = clock
        self.minimumReviewDays = minimumReviewDays
    }

    public func load(_ reference: CaseReference, withFirings: Bool) async throws -> LoadedCase? {
        try await database.withConnection { db in try await Self.loadCases([reference.value], withFirings: withFirings, on: db).first }
    }

    public func commit(_ change: CaseChange) async throws {
        try await database.transaction { db in
            let firings = try await Self.firings(of: [change.updated.reference.value], on: db)
            try await write([change], firings: firings, lockedCases: false, on: db)
        }
    }

    public func record(_ entries: [(CaseReference, Interaction)]) async throws {
        try await database.transaction { db in try await Self.insert(entries, on: db) }
    }

    public func recordStatusChecks(_ checks: [StatusChecks]) async throws {
        let rows: [[any Encodable & Sendable]] = checks.map {
            [$0.reference.value, $0.day.description, $0.channel.rawValue, $0.count, Stored.time($0.first), Stored.time($0.last)]
        }
        try await database.transaction { db in
            try await Stored.inChunks(rows) { chunk in
                try await db.run(
                    BulkInsert(
                        table: "status_checks", columns: ["case_reference", "day", "channel", "checks", "first_at", "last_at"],
                        rows: Array(chunk), conflict: .add(key: ["case_reference", "day", "channel"], sum: ["checks"], set: ["last_at"])
                    ))
            }
        }
    }

    static func insert(_ interactions: [(CaseReference, Interaction)], on db: any SQLDatabase) async throws {
        let rows: [[any Encodable & Sendable]] = interactions.map { reference, i in
            [
                Stored.newID(), reference.value, Stored.time(i.at), i.channel.rawValue, i.direction.rawValue, i.actor,
                i.kind.rawValue, i.summary, i.isPublic, i.call?.reason.rawValue, i.call?.outcome.rawValue, i.call?.resolvedOnCall,
            ]
        }
        try await Stored.inChunks(rows) { chunk in
            try await db.run(
                BulkInsert(
                    table: "interactions",
                    columns: [
                        "id", "case_reference", "occurred_at", "channel", "direction", "actor", "kind", "summary", "public",
                        "call_reason", "call_outcome", "call_resolved",
                    ],
                    rows: Array(chunk)
                ))
        }
    }

    /// Writes many new cases in one transaction (demo data, benchmarks): the same rows `commit` writes.
    public func seed(_ changes: [CaseChange]) async throws {
        try await database.transaction { db in try await write(changes, firings: [], lockedCases: false, on: db) }
    }

    // MARK: - Reading

    static func loadCases(_ references: [String], withFirings: Bool = true, on db: any SQLDatabase) async throws -> [LoadedCase] {
        guard !references.isEmpty else { return [] }
        var records: [Case] = []
        var history: [String: [CaseHistoryEntry]] = [:]
        try await Stored.inChunks(references) { chunk in
            let group = SQLBind.group(Array(chunk))
            records += try await db.select().column("*").from("cases").where("reference", .in, group).all().map(CaseRow.decode)
            for row in try await db.select().columns("case_reference", "occurred_at", "event", "from_state", "to_state")
                .from("audit_events").where("case_reference", .in, group).orderBy("seq").all()
            {
                guard let entry = try historyEntry(row) else { continue }
                history[try row.decode(column: "case_reference", as: String.self), default: []].append(entry)
            }
        }
        let firings = withFirings ? try await Self.firings(of: references, on: db) : []
        let firingsByCase = Dictionary(grouping: firings, by: \.reference)
        return records.map {
            LoadedCase(record: $0, history: history[$0.reference.value] ?? [], firings: Set(firingsByCase[$0.reference] ?? []))
        }
    }

    /// An audit row (`occurred_at`, `event`, `from_state`, `to_state`) as history; nil for an event that moves no
    /// state (and for the empty side of an outer join).
    static func historyEntry(_ row: any SQLRow) throws -> CaseHistoryEntry? {
        guard let event = CaseEventKind(rawValue: try row.decode(column: "event", as: String?.self) ?? ""),
            let from = CaseState(rawValue: try row.decode(column: "from_state", as: String?.self) ?? ""),
            let to = CaseState(rawValue: try row.decode(column: "to_state", as: String?.self) ?? "")
        else { return nil }
        return CaseHistoryEntry(at: try Stored.date(row, "occurred_at"), event: event, from: from, to: to)
    }

    static func firings(of references: [String], on db: any SQLDatabase) async throws -> Set<DeadlineFiring> {
        var result: Set<DeadlineFiring> = []
        try await Stored.inChunks(references) { chunk in
            for row in try await db.select().columns("case_reference", "kind", "level", "due_at").from("deadline_firings")
                .where("case_reference", .in, SQLBind.group(Array(chunk))).all()
            {
                result.insert(try DeadlineFiring(row: row))
            }
        }
        return result
    }
}
