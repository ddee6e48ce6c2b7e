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

    /// Adds or renames holidays (a day already listed keeps one row).
    public func saveHolidays(_ holidays: [(day: LocalDate, name: String)]) async throws {
        try await database.transaction { db in
            try await Stored.inChunks(holidays) { chunk in
                try await db.execute(sql: BulkInsert(
                    table: "holidays", columns: ["day", "name"], rows: chunk.map { [$0.day.description, $0.name] },
                    upsertKey: ["day"]
                )) { _ in }
            }
        }
    }
}
