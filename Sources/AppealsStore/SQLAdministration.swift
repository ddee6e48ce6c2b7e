import AppealsDomain
import AppealsServices
import Crypto
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

/// Drafts and open-appeal look-ups for the citizen's journey.
public struct SQLAppealDrafts: DraftStore, OpenAppealFinder {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func loadDraft(token: String, now: Date) async throws -> Data? {
        try await database.withConnection { db in
            try await db.select().column("data").from("appeal_drafts")
                .where("token_hash", .equal, SQLBind(Self.hash(token)))
                .where("expires_at", .greaterThan, SQLBind(Stored.time(now)))
                .first()
                .map { Data(try $0.decode(column: "data", as: String.self).utf8) }
        }
    }

    public func saveDraft(token: String, data: Data, now: Date, expires: Date) async throws {
        try await database.withConnection { db in
            try await db.run(BulkInsert(
                table: "appeal_drafts", columns: ["token_hash", "data", "updated_at", "expires_at"],
                rows: [[Self.hash(token), String(decoding: data, as: UTF8.self), Stored.time(now), Stored.time(expires)]],
                conflict: .update(key: ["token_hash"])
            ))
            // Expired drafts go as new ones come: no separate job to forget.
            try await db.delete(from: "appeal_drafts").where("expires_at", .lessThanOrEqual, SQLBind(Stored.time(now))).run()
        }
    }

    public func openCase(forTicket number: TicketNumber) async throws -> CaseReference? {
        try await database.withConnection { db in
            try await db.select().column("reference").from("cases")
                .where("ticket_number", .equal, SQLBind(number.value))
                .where("state", .in, SQLBind.group(CaseState.allCases.filter(\.isUndecided).map(\.rawValue)))
                .first()
                .flatMap { CaseReference(try $0.decode(column: "reference", as: String.self)) }
        }
    }

    static func hash(_ token: String) -> String { hexString(SHA256.hash(data: Data(token.utf8))) }
}
