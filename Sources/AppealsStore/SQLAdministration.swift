import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The audit trail's verification and the holiday list, as administrators and auditors use them.
public struct SQLAdministration: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// Recomputes the audit trail's hash chain from the first event and names the first broken link.
    public func verifyAudit() async throws -> AuditVerification {
        try await database.withConnection { db in try await AuditChain.verify(on: db) }
    }

    /// Adds a member of staff, or updates their name and start date; roles and skills are added to theirs.
    public func saveStaff(
        id: StaffID, name: String, email: String, startedOn: LocalDate, roles: [Role], skills: [Skill] = []
    ) async throws {
        try await database.transaction { db in
            try await db.run(BulkInsert(
                table: "staff", columns: ["id", "name", "email", "started_on", "active", "created_at"],
                rows: [[id.value, name, email, startedOn.description, true, Stored.time(Date())]],
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

    /// Adds or renames holidays (a day already listed keeps one row).
    public func saveHolidays(_ holidays: [(day: LocalDate, name: String)]) async throws {
        try await database.transaction { db in
            try await Stored.inChunks(holidays) { chunk in
                try await db.run(BulkInsert(
                    table: "holidays", columns: ["day", "name"], rows: chunk.map { [$0.day.description, $0.name] },
                    conflict: .update(key: ["day"])
                ))
            }
        }
    }
}
