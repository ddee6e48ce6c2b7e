import AppealsDomain
import AppealsServices
import Crypto
import Foundation
import SQLKit

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
        try await database.write { db in
            try await db.run(
                BulkInsert(
                    table: "appeal_drafts", columns: ["token_hash", "data", "updated_at", "expires_at"],
                    rows: [[Self.hash(token), String(decoding: data, as: UTF8.self), Stored.time(now), Stored.time(expires)]],
                    conflict: .update(key: ["token_hash"])
                ))
            // Expired drafts go as new ones come: no separate job to forget.
            try await db.delete(from: "appeal_drafts").where("expires_at", .lessThanOrEqual, SQLBind(Stored.time(now))).run()
        }
    }

    public func deleteDraft(token: String) async throws {
        try await database.write { db in
            try await db.delete(from: "appeal_drafts").where("token_hash", .equal, SQLBind(Self.hash(token))).run()
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
