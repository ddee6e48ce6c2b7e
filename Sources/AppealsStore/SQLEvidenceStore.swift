import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The evidence rows (the files themselves are in the evidence storage).
public struct SQLEvidenceStore: EvidenceStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let columns = [
        "id", "case_reference", "draft_key", "original_name", "kind", "media_type",
        "original_key", "original_size", "original_sha256", "display_key", "display_size", "display_sha256",
        "thumbnail_key", "thumbnail_size", "thumbnail_sha256", "pixel_width", "pixel_height", "page_count", "received_at",
    ]

    public func addEvidence(_ r: EvidenceRecord) async throws {
        let values: [any Encodable & Sendable] = [
            r.id.value, r.caseReference?.value, r.draftKey, r.originalName, r.kind.rawValue, r.mediaType,
            r.original.key, r.original.byteSize, r.original.sha256, r.display?.key, r.display?.byteSize, r.display?.sha256,
            r.thumbnail?.key, r.thumbnail?.byteSize, r.thumbnail?.sha256, r.pixelWidth, r.pixelHeight, r.pageCount,
            Stored.time(r.receivedAt),
        ]
        _ = try await database.withConnection { db in
            try await db.run(BulkInsert(table: "evidence", columns: Self.columns, rows: [values]))
        }
    }

    public func evidence(forDraft draftKey: String) async throws -> [EvidenceRecord] {
        try await select { $0.where("draft_key", .equal, SQLBind(draftKey)) }
    }

    public func evidence(forCase reference: CaseReference) async throws -> [EvidenceRecord] {
        try await select { $0.where("case_reference", .equal, SQLBind(reference.value)) }
    }

    public func evidence(_ id: EvidenceID) async throws -> EvidenceRecord? {
        try await select { $0.where("id", .equal, SQLBind(id.value)) }.first
    }

    public func removeEvidence(_ id: EvidenceID, fromDraft draftKey: String) async throws -> EvidenceRecord? {
        try await database.transaction { db in
            let rows = try await db.delete(from: "evidence")
                .where("id", .equal, SQLBind(id.value)).where("draft_key", .equal, SQLBind(draftKey))
                .returning(SQLLiteral.all).all()
            return try rows.first.map(Self.record)
        }
    }

    public func allEvidence() async throws -> [EvidenceRecord] {
        try await select { $0 }
    }

    public func removeAbandonedEvidence(receivedBefore cutoff: Date) async throws -> [EvidenceRecord] {
        try await database.transaction { db in
            try await db.delete(from: "evidence")
                .where("case_reference", .is, SQLLiteral.null)
                .where("received_at", .lessThan, SQLBind(Stored.time(cutoff)))
                .where(SQLQueryString(
                    "NOT EXISTS (SELECT 1 FROM appeal_drafts d WHERE d.token_hash = evidence.draft_key AND d.expires_at > \(bind: Stored.time(cutoff)))"
                ))
                .returning(SQLLiteral.all).all().map(Self.record)
        }
    }

    private func select(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [EvidenceRecord] {
        try await database.withConnection { db in
            try await filter(db.select().columns(Self.columns.map { SQLIdentifier($0) }).from("evidence"))
                .orderBy("received_at").orderBy("id").all().map(Self.record)
        }
    }

    static func record(_ row: any SQLRow) throws -> EvidenceRecord {
        func file(_ prefix: String) throws -> StoredFile? {
            guard let key = try row.decode(column: "\(prefix)_key", as: String?.self) else { return nil }
            return StoredFile(key: key, byteSize: try row.decode(column: "\(prefix)_size", as: Int.self),
                              sha256: try row.decode(column: "\(prefix)_sha256", as: String.self))
        }
        guard let id = EvidenceID(try row.decode(column: "id", as: String.self)),
              let kind = SanitisedEvidence.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
              let original = try file("original") else {
            throw StoredDataError.corrupt(table: "evidence", detail: "bad id, kind or original")
        }
        return EvidenceRecord(
            id: id, caseReference: try row.decode(column: "case_reference", as: String?.self).flatMap(CaseReference.init),
            draftKey: try row.decode(column: "draft_key", as: String?.self),
            originalName: try row.decode(column: "original_name", as: String.self), kind: kind,
            mediaType: try row.decode(column: "media_type", as: String.self), original: original,
            display: try file("display"), thumbnail: try file("thumbnail"),
            pixelWidth: try row.decode(column: "pixel_width", as: Int?.self),
            pixelHeight: try row.decode(column: "pixel_height", as: Int?.self),
            pageCount: try row.decode(column: "page_count", as: Int?.self),
            receivedAt: try Stored.date(row, "received_at")
        )
    }
}
