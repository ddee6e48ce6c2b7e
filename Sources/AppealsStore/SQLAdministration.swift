import AppealsDomain
import AppealsServices
import Crypto
import Foundation
import SQLKit

/// The audit trail's verification and the holiday list, as administrators and auditors use them.
public struct SQLAdministration: AdministrationStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// Recomputes the audit trail's hash chain from the first event and names the first broken link.
    public func verifyAudit() async throws -> AuditVerification {
        try await database.withConnection { db in try await AuditChain.verify(on: db) }
    }

    public func auditEvents(_ filter: AuditFilter, offset: Int, limit: Int) async throws -> [AuditRecord] {
        try await database.withConnection { db in
            var query = db.select().columns(
                "seq", "case_reference", "occurred_at", "actor_role", "actor_id", "event", "from_state", "to_state", "reason", "detail",
                "request_id"
            ).from("audit_events")
            if let reference = filter.caseReference { query = query.where("case_reference", .equal, SQLBind(reference.value)) }
            if let actor = filter.actor {
                // Staff by their id; the system and citizens by their role.
                query = query.where { $0.where("actor_id", .equal, SQLBind(actor)).orWhere("actor_role", .equal, SQLBind(actor)) }
            }
            if let event = filter.event { query = query.where("event", .equal, SQLBind(event)) }
            if let from = filter.from { query = query.where("occurred_at", .greaterThanOrEqual, SQLBind(Stored.time(from))) }
            if let before = filter.before { query = query.where("occurred_at", .lessThan, SQLBind(Stored.time(before))) }
            return try await query.orderBy("seq", .descending).limit(limit).offset(offset).all().map { r in
                AuditRecord(
                    seq: try r.decode(column: "seq", as: Int.self),
                    caseReference: try r.decode(column: "case_reference", as: String?.self).flatMap(CaseReference.init),
                    at: try Stored.date(r, "occurred_at"), actorRole: try r.decode(column: "actor_role", as: String.self),
                    actorID: try r.decode(column: "actor_id", as: String?.self), event: try r.decode(column: "event", as: String.self),
                    from: try r.decode(column: "from_state", as: String?.self), to: try r.decode(column: "to_state", as: String?.self),
                    reason: try r.decode(column: "reason", as: String?.self), detail: try r.decode(column: "detail", as: String?.self),
                    requestID: try r.decode(column: "request_id", as: String?.self))
            }
        }
    }

    public func auditEventKinds() async throws -> [String] {
        try await database.withConnection { db in
            // One index seek per kind (a loose index scan), not a read of the whole trail.
            try await db.raw(
                """
                WITH RECURSIVE kinds(event) AS (
                  SELECT MIN(event) FROM audit_events
                  UNION ALL
                  SELECT (SELECT MIN(a.event) FROM audit_events a WHERE a.event > kinds.event) FROM kinds WHERE kinds.event IS NOT NULL
                )
                SELECT event FROM kinds WHERE event IS NOT NULL
                """
            ).all().map {
                try $0.decode(column: "event", as: String.self)
            }
        }
    }

    /// Adds a member of staff, or updates their name and start date; roles and skills are added to theirs.
    public func saveStaff(
        id: StaffID, name: String, email: String, startedOn: LocalDate, roles: [Role], skills: [Skill] = [], at now: Date
    ) async throws {
        try await database.transaction { db in
            try await db.run(
                BulkInsert(
                    table: "staff", columns: ["id", "name", "email", "started_on", "active", "created_at"],
                    rows: [[id.value, name, email, startedOn.description, true, Stored.time(now)]],
                    conflict: .update(key: ["id"], keep: ["created_at", "active"])
                ))
            if !roles.isEmpty {
                try await db.insert(into: "staff_roles").columns("staff_id", "role")
                    .rows(roles.map { [SQLBind(id.value), SQLBind($0.rawValue)] }).ignoringConflicts(with: ["staff_id", "role"]).run()
            }
            if !skills.isEmpty {
                try await db.insert(into: "staff_skills").columns("staff_id", "skill")
                    .rows(skills.map { [SQLBind(id.value), SQLBind($0.stored)] }).ignoringConflicts(with: ["staff_id", "skill"]).run()
            }
        }
    }

    /// Adds or renames holidays (a day already listed keeps one row), with the audit event: holidays move deadlines.
    public func saveHolidays(_ holidays: [(day: LocalDate, name: String)], audit: AuditEntry? = nil) async throws {
        try await database.transaction { db in
            try await Stored.inChunks(holidays) { chunk in
                try await db.run(
                    BulkInsert(
                        table: "holidays", columns: ["day", "name"], rows: chunk.map { [$0.day.description, $0.name] },
                        conflict: .update(key: ["day"])
                    ))
            }
            if let audit { try await AuditChain.append([audit], on: db, engine: database.engine) }
        }
    }
}

extension SQLAdministration {
    public func staffList() async throws -> [StaffAccount] {
        try await database.withConnection { db in
            var list: [StaffAccount] = []
            for row in try await db.select().column("*").from("staff").orderBy("name").all() {
                list.append(try await SQLStaffAccounts.account(row, on: db))
            }
            return list
        }
    }

    public func skills(of id: StaffID) async throws -> [String] {
        try await database.withConnection { db in
            try await db.select().column("skill").from("staff_skills").where("staff_id", .equal, SQLBind(id.value)).orderBy("skill").all()
                .map { try $0.decode(column: "skill", as: String.self) }
        }
    }

    public func setRolesAndSkills(_ id: StaffID, roles: Set<Role>, skills: [String], audit: AuditEntry) async throws {
        let valid = skills.compactMap(Skill.init(stored:)).map(\.stored)
        try await database.transaction { db in
            try await db.delete(from: "staff_roles").where("staff_id", .equal, SQLBind(id.value)).run()
            try await db.delete(from: "staff_skills").where("staff_id", .equal, SQLBind(id.value)).run()
            if !roles.isEmpty {
                try await db.insert(into: "staff_roles").columns("staff_id", "role")
                    .rows(roles.map(\.rawValue).sorted().map { [SQLBind(id.value), SQLBind($0)] }).run()
            }
            if !valid.isEmpty {
                try await db.insert(into: "staff_skills").columns("staff_id", "skill")
                    .rows(Set(valid).sorted().map { [SQLBind(id.value), SQLBind($0)] }).run()
            }
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func holidays() async throws -> [(day: LocalDate, name: String)] {
        try await database.withConnection { db in
            try await db.select().columns("day", "name").from("holidays").orderBy("day").all().compactMap {
                row -> (day: LocalDate, name: String)? in
                guard let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) else { return nil }
                return (day, try row.decode(column: "name", as: String.self))
            }
        }
    }

    public func removeHoliday(_ day: LocalDate, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await db.delete(from: "holidays").where("day", .equal, SQLBind(day.description)).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func currentPolicies() async throws -> [DeadlinePolicy] {
        try await database.withConnection { db in
            try await db.raw(
                """
                SELECT p.* FROM deadline_policies p
                WHERE p.version = (SELECT MAX(q.version) FROM deadline_policies q WHERE q.kind = p.kind) ORDER BY p.kind
                """
            ).all().compactMap { row in
                guard let kind = DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)),
                    let unit = DeadlineUnit(rawValue: try row.decode(column: "unit", as: String.self))
                else { return nil }
                return DeadlinePolicy(
                    kind: kind, length: try row.decode(column: "length", as: Int.self), unit: unit,
                    warningBusinessDays: try row.decode(column: "warning_business_days", as: Int.self),
                    version: try row.decode(column: "version", as: Int.self))
            }
        }
    }

    public func addPolicyVersion(_ policy: DeadlinePolicy, audit: AuditEntry) async throws {
        try await database.transaction { db in
            let latest =
                try await db.raw("SELECT MAX(version) AS v FROM deadline_policies WHERE kind = \(bind: policy.kind.rawValue)")
                .first()?.decode(column: "v", as: Int?.self) ?? 0
            try await db.insert(into: "deadline_policies")
                .columns("kind", "version", "length", "unit", "warning_business_days", "created_at")
                .values(
                    SQLBind(policy.kind.rawValue), SQLBind(latest + 1), SQLBind(policy.length), SQLBind(policy.unit.rawValue),
                    SQLBind(policy.warningBusinessDays), SQLBind(Stored.time(audit.at))
                ).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func apiKeys() async throws -> [APIKey] {
        try await database.withConnection { db in
            try await db.select().column("*").from("api_keys").orderBy("created_at", .descending).all().map(Self.apiKey)
        }
    }

    public func apiKey(forKey key: String) async throws -> APIKey? {
        try await database.withConnection { db in
            try await db.select().column("*").from("api_keys").where("key_hash", .equal, SQLBind(SQLStaffAccounts.hash(key))).first()
                .map(Self.apiKey)
        }
    }

    static func apiKey(_ row: any SQLRow) throws -> APIKey {
        APIKey(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            prefix: try row.decode(column: "prefix", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try Stored.date(row, "created_at"), revokedAt: try Stored.optionalDate(row, "revoked_at"),
            scopes: APIScope.parse(try row.decode(column: "scopes", as: String.self)),
            requestsPerMinute: try row.decode(column: "requests_per_minute", as: Int.self))
    }

    public func createAPIKey(
        name: String, key: String, scopes: Set<APIScope>, requestsPerMinute: Int, by: StaffID, audit: AuditEntry
    ) async throws {
        try await database.transaction { db in
            try await db.insert(into: "api_keys")
                .columns("id", "name", "prefix", "key_hash", "created_by", "created_at", "scopes", "requests_per_minute")
                .values(
                    SQLBind(Stored.newID()), SQLBind(name), SQLBind(String(key.prefix(8))),
                    SQLBind(SQLStaffAccounts.hash(key)), SQLBind(by.value), SQLBind(Stored.time(audit.at)),
                    SQLBind(APIScope.stored(scopes)), SQLBind(requestsPerMinute)
                ).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    /// Revokes a key (once: a second revocation changes nothing and writes no event).
    public func revokeAPIKey(id: String, audit: AuditEntry) async throws {
        try await database.transaction { db in
            let revoked = try await db.update("api_keys").set("revoked_at", to: SQLBind(Stored.time(audit.at)))
                .where("id", .equal, SQLBind(id)).where("revoked_at", .is, SQLLiteral.null).returning("id").all()
            if !revoked.isEmpty { try await AuditChain.append([audit], on: db, engine: database.engine) }
        }
    }
}
