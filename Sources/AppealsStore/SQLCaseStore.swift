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

    public init(database: AppDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
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

    public func sweep(
        now: Date, limit: Int, sweeper: String,
        decide: @Sendable ([LoadedCase], [DeadlineFiring]) throws -> [CaseChange]
    ) async throws -> SweepBatch {
        let nowText = Stored.time(now)
        return try await database.transaction { db in
            // Claim cases with something due. On PostgreSQL, cases another sweeper holds are skipped, so parallel
            // sweepers share the work; on SQLite the write lock already lets one sweeper in at a time.
            let claimedRows: [String]
            if database.engine == .postgres {
                // Driven by the next-fire index, skipping case rows another sweeper holds. A case with two due
                // deadlines comes twice (DISTINCT cannot go with FOR UPDATE); the duplicates are dropped below.
                claimedRows = try await db.raw(
                    """
                    SELECT c.reference FROM case_deadlines d JOIN cases c ON c.reference = d.case_reference
                    WHERE d.next_fire_at <= \(bind: nowText) ORDER BY d.next_fire_at
                    LIMIT \(unsafeRaw: String(limit)) FOR UPDATE OF c SKIP LOCKED
                    """
                ).all().map { try $0.decode(column: "reference", as: String.self) }
            } else {
                // SQLite's write lock already lets one sweeper in at a time: the first due rows are enough.
                claimedRows = try await db.raw(
                    """
                    SELECT DISTINCT case_reference AS reference FROM (
                        SELECT case_reference FROM case_deadlines WHERE next_fire_at <= \(bind: nowText)
                        ORDER BY next_fire_at LIMIT \(unsafeRaw: String(limit)))
                    """
                ).all().map { try $0.decode(column: "reference", as: String.self) }
            }
            guard !claimedRows.isEmpty else { return SweepBatch(claimed: 0, fired: 0) }
            let claimed = Array(Set(claimedRows))

            var dueRows: [DeadlineRow] = []
            try await Stored.inChunks(claimed) { chunk in
                dueRows += try await db.select().column("*").from("case_deadlines")
                    .where("case_reference", .in, SQLBind.group(Array(chunk)))
                    .where("next_fire_at", .lessThanOrEqual, SQLBind(nowText))
                    .all().map(DeadlineRow.init(row:))
            }
            // A warning whose breach is also due fires with it, in this batch.
            let due = dueRows.flatMap { $0.firings(dueBy: now) }

            // Record the firings; the unique key turns one already recorded into a no-op.
            var fired: [DeadlineFiring] = []
            try await Stored.inChunks(due, of: 300) { chunk in
                fired += try await db.run(
                    BulkInsert(
                        table: "deadline_firings", columns: ["case_reference", "kind", "level", "due_at", "fired_at", "sweeper"],
                        rows: chunk.map {
                            [$0.reference.value, $0.kind.rawValue, $0.level.rawValue, Stored.time($0.at), nowText, sweeper]
                        },
                        conflict: .ignore(key: ["case_reference", "kind", "level", "due_at"]),
                        returning: ["case_reference", "kind", "level", "due_at"]
                    )
                ).map(DeadlineFiring.init(row:))
            }

            let firedCases = Set(fired.map(\.reference.value))
            let loaded = try await Self.loadCases(Array(firedCases), on: db)
            let changes = try decide(loaded, fired)
            // Firings already recorded: those loaded with the cases, and (rarely) those of claimed cases whose due
            // firings all turned out to be recorded already, which were not loaded.
            var firings = Set(loaded.flatMap(\.firings)).union(fired)
            firings.formUnion(try await Self.firings(of: claimed.filter { !firedCases.contains($0) }, on: db))
            try await write(changes, firings: firings, lockedCases: true, on: db)

            // Deadlines not recomputed by a change move on to their next level (warning → breach → nothing).
            let recomputed = Set(changes.filter { $0.deadlines != nil }.map(\.updated.reference.value))
            let advanced = dueRows.filter { !recomputed.contains($0.caseReference) }.map { $0.advanced(firings: firings) }
            try await Self.upsert(deadlineRows: advanced, on: db)
            return SweepBatch(claimed: due.count, fired: fired.count)
        }
    }

    public var sweepConcurrency: Int { database.engine == .postgres ? 2 : 1 }

    public func undecidedReferences(after: CaseReference?, limit: Int) async throws -> [CaseReference] {
        try await database.withConnection { db in
            try await db.select().column("reference").from("cases")
                .where("state", .in, SQLBind.group(CaseState.allCases.filter(\.isUndecided).map(\.rawValue)))
                .where("reference", .greaterThan, SQLBind(after?.value ?? ""))
                .orderBy("reference").limit(limit).all()
                .compactMap { CaseReference(try $0.decode(column: "reference", as: String.self)) }
        }
    }

    public func deadlineRules(timeZone: TimeZone) async throws -> DeadlineRules {
        try await database.withConnection { db in
            let policies = try await db.select().column("*").from("deadline_policies").all().map { row in
                DeadlinePolicy(
                    kind: DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .decision,
                    length: try row.decode(column: "length", as: Int.self),
                    unit: DeadlineUnit(rawValue: try row.decode(column: "unit", as: String.self)) ?? .calendarDays,
                    warningBusinessDays: try row.decode(column: "warning_business_days", as: Int.self),
                    version: try row.decode(column: "version", as: Int.self)
                )
            }
            let holidays = try await db.select().column("day").from("holidays").all()
                .compactMap { LocalDate(iso: try $0.decode(column: "day", as: String.self)) }
            return DeadlineRules(
                calendar: BusinessCalendar(timeZone: timeZone, holidays: Set(holidays)), policies: DeadlinePolicies(policies)
            )
        }
    }

    public func reviewerLoads() async throws -> [ReviewerLoad] {
        try await database.withConnection { db in
            let reviewers = try await db.raw(
                """
                SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id
                WHERE r.role = 'reviewer' AND s.active = \(bind: true)
                """
            ).all().map { try $0.decode(column: "id", as: String.self) }
            guard !reviewers.isEmpty else { return [] }
            var skills: [String: Set<Skill>] = [:]
            for row in try await db.select().columns("staff_id", "skill").from("staff_skills").all() {
                if let skill = Skill(stored: try row.decode(column: "skill", as: String.self)) {
                    skills[try row.decode(column: "staff_id", as: String.self), default: []].insert(skill)
                }
            }
            var load: [String: Int] = [:]
            for row in try await db.raw(
                """
                SELECT assignee, COUNT(*) AS n FROM cases
                WHERE assignee IS NOT NULL AND state IN ('submitted', 'in_review', 'awaiting_citizen', 'awaiting_approval')
                GROUP BY assignee
                """
            ).all() {
                load[try row.decode(column: "assignee", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return reviewers.map { ReviewerLoad(id: StaffID($0), skills: skills[$0] ?? [], openCases: load[$0] ?? 0) }
        }
    }

    public func record(_ entries: [(CaseReference, Interaction)]) async throws {
        try await database.transaction { db in try await Self.insert(entries, on: db) }
    }

    public func recordStatusChecks(_ checks: [StatusChecks]) async throws {
        let rows: [[any Encodable & Sendable]] = checks.map {
            [$0.reference.value, $0.day.description, $0.count, Stored.time($0.first), Stored.time($0.last)]
        }
        try await database.transaction { db in
            try await Stored.inChunks(rows) { chunk in
                try await db.run(
                    BulkInsert(
                        table: "status_checks", columns: ["case_reference", "day", "checks", "first_at", "last_at"], rows: Array(chunk),
                        conflict: .add(key: ["case_reference", "day"], sum: ["checks"], set: ["last_at"])
                    ))
            }
        }
    }

    static func insert(_ interactions: [(CaseReference, Interaction)], on db: any SQLDatabase) async throws {
        let rows: [[any Encodable & Sendable]] = interactions.map { reference, i in
            [
                Stored.newID(), reference.value, Stored.time(i.at), i.channel.rawValue, i.direction.rawValue, i.actor,
                i.kind, i.summary, i.isPublic,
            ]
        }
        try await Stored.inChunks(rows) { chunk in
            try await db.run(
                BulkInsert(
                    table: "interactions",
                    columns: ["id", "case_reference", "occurred_at", "channel", "direction", "actor", "kind", "summary", "public"],
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

    // MARK: - Writing

    /// Writes changes; `lockedCases` says the case rows are already held by this transaction (the sweeper's
    /// claim), so they can be written in bulk without a per-row version check.
    func write(_ changes: [CaseChange], firings: Set<DeadlineFiring>, lockedCases: Bool, on db: any SQLDatabase) async throws {
        let now = Stored.time(clock.now())
        var inserts: [Case] = []
        var bulkUpdates: [(Case, Int)] = []
        for change in changes {
            if change.expectedVersion == nil {
                inserts.append(change.updated)
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
                    table: "cases", columns: CaseRow.columns,
                    rows: try chunk.map { try CaseRow.values($0, priority: priorities[$0.reference] ?? 0, updatedAt: now) }
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
        let letters: [[any Encodable & Sendable]] = changes.flatMap { change in
            change.letters.map { [Stored.newID(), change.updated.reference.value, $0.rawValue, "queued", now] }
        }
        try await Stored.inChunks(letters) { chunk in
            try await db.run(
                BulkInsert(
                    table: "letters", columns: ["id", "case_reference", "kind", "status", "queued_at"], rows: Array(chunk)
                ))
        }
        let appeals: [[any Encodable & Sendable]] = changes.compactMap { change in
            change.filing.map { a in
                [
                    change.updated.reference.value, a.statement, a.lateReason, a.contactName, a.postalAddress, a.email, a.mobile,
                    a.preferredChannel.rawValue, a.language,
                ]
            }
        }
        try await Stored.inChunks(appeals, of: 200) { chunk in
            try await db.run(
                BulkInsert(
                    table: "appeals",
                    columns: [
                        "case_reference", "statement", "late_reason", "contact_name", "postal_address", "email", "mobile_e164",
                        "preferred_channel", "language",
                    ],
                    rows: Array(chunk)
                ))
        }
        try await Self.insert(changes.flatMap { change in change.interactions.map { (change.updated.reference, $0) } }, on: db)
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

extension Recipient {
    var stored: String {
        switch self {
        case .citizen: "citizen"
        case .supervisors: "supervisors"
        case .staff(let id): "staff:\(id.value)"
        }
    }
}

extension DeadlineFiring {
    init(row: any SQLRow) throws {
        guard let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)),
            let kind = DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let level = Level(rawValue: try row.decode(column: "level", as: String.self))
        else { throw StoredDataError.corrupt(table: "deadline_firings", detail: "unreadable key") }
        self.init(reference: reference, kind: kind, level: level, at: try Stored.date(row, "due_at"))
    }
}

extension Skill {
    /// `stolen_vehicles`, `disability`, `not_owner`, `commercial_fleet`, `language:es`.
    init?(stored: String) {
        switch stored {
        case "stolen_vehicles": self = .stolenVehicles
        case "disability": self = .disability
        case "not_owner": self = .notOwner
        case "commercial_fleet": self = .commercialFleet
        default:
            guard stored.hasPrefix("language:") else { return nil }
            self = .language(String(stored.dropFirst("language:".count)))
        }
    }

    var stored: String {
        switch self {
        case .stolenVehicles: "stolen_vehicles"
        case .disability: "disability"
        case .notOwner: "not_owner"
        case .commercialFleet: "commercial_fleet"
        case .language(let code): "language:\(code)"
        }
    }
}
