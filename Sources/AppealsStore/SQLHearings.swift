import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Hearings in SQL: setting one writes the row, queues the hearing notice and appends the audit event together.
public struct SQLHearings: HearingStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func hearing(of reference: CaseReference) async throws -> Hearing? {
        try await database.withConnection { db in
            try await db.select().column("*").from("hearings").where("case_reference", .equal, SQLBind(reference.value)).first().map {
                row in
                Hearing(
                    reference: reference, startsAt: try Stored.date(row, "starts_at"),
                    place: try row.decode(column: "place", as: String.self),
                    setBy: StaffID(try row.decode(column: "set_by", as: String.self)), setAt: try Stored.date(row, "set_at"))
            }
        }
    }

    public func schedule(_ hearing: Hearing, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await db.delete(from: "hearings").where("case_reference", .equal, SQLBind(hearing.reference.value)).run()
            try await db.insert(into: "hearings").columns("case_reference", "starts_at", "place", "set_by", "set_at")
                .values(
                    SQLBind(hearing.reference.value), SQLBind(Stored.time(hearing.startsAt)), SQLBind(hearing.place),
                    SQLBind(hearing.setBy.value), SQLBind(Stored.time(hearing.setAt))
                ).run()
            try await SQLLetterStore.queue(.hearingNotice, for: hearing.reference, at: hearing.setAt, on: db)
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }
}
