import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

// The sweeper's side of the store: claiming due deadlines, the undecided cases, the rules and reviewer loads.
extension SQLCaseStore {
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
            return SweepBatch(claimed: due.count, fired: fired.count, breaches: fired.filter { $0.level == .breach }.count)
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
                calendar: BusinessCalendar(timeZone: timeZone, holidays: Set(holidays)),
                policies: DeadlinePolicies(policies, minimumReviewBusinessDays: minimumReviewDays)
            )
        }
    }

    public func casesToClose(now: Date, limit: Int) async throws -> [CaseReference] {
        try await database.withConnection { db in
            try await db.select().column("reference").from("cases").where("state", .equal, SQLBind(CaseState.decided.rawValue))
                .where("closes_at", .lessThanOrEqual, SQLBind(Stored.time(now))).orderBy("closes_at").limit(limit).all()
                .compactMap { CaseReference(try $0.decode(column: "reference", as: String.self)) }
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
}
