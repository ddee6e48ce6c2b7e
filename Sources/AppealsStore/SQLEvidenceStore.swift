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
        _ = try await database.write { db in
            try await db.run(BulkInsert(table: "evidence", columns: Self.columns, rows: [values]))
        }
    }

    public func evidence(forDraft draftKey: String) async throws -> [EvidenceRecord] {
        try await select("WHERE draft_key = \(bind: draftKey)")
    }

    public func evidence(forCase reference: CaseReference) async throws -> [EvidenceRecord] {
        try await select("WHERE case_reference = \(bind: reference.value)")
    }

    public func evidence(_ id: EvidenceID) async throws -> EvidenceRecord? {
        try await select("WHERE id = \(bind: id.value)").first
    }

    public func removeEvidence(_ id: EvidenceID, fromDraft draftKey: String) async throws -> EvidenceRecord? {
        try await database.transaction { db in
            let rows = try await db.delete(from: "evidence")
                .where("id", .equal, SQLBind(id.value)).where("draft_key", .equal, SQLBind(draftKey))
                .returning(SQLLiteral.all).all()
            return try rows.first.map { try Self.record($0) }
        }
    }

    public func allEvidence() async throws -> [EvidenceRecord] {
        try await select("")
    }

    public func removeAbandonedEvidence(receivedBefore cutoff: Date) async throws -> [EvidenceRecord] {
        try await database.transaction { db in
            try await db.delete(from: "evidence")
                .where("case_reference", .is, SQLLiteral.null)
                .where("received_at", .lessThan, SQLBind(Stored.time(cutoff)))
                .where(
                    SQLQueryString(
                        "NOT EXISTS (SELECT 1 FROM appeal_drafts d WHERE d.token_hash = evidence.draft_key AND d.expires_at > \(bind: Stored.time(cutoff)))"
                    )
                )
                // The files of a message waiting in the Unmatched messages queue (`InboundMessage.filesKey`).
                .where(SQLQueryString("NOT EXISTS (SELECT 1 FROM inbound_messages m WHERE evidence.draft_key = 'message:' || m.id)"))
                .returning(SQLLiteral.all).all().map { try Self.record($0) }
        }
    }

    /// Rows in the order they were received.
    private func select(_ condition: SQLQueryString) async throws -> [EvidenceRecord] {
        try await database.withConnection { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columnList) FROM evidence \(condition) ORDER BY received_at, id")
                .all().map { try Self.record($0) }
        }
    }

    private static let columnList = columns.joined(separator: ", ")

    /// A row as a record; `prefix` when a join renamed the columns (`e_id`, `e_kind`, …).
    static func record(_ row: any SQLRow, prefix: String = "") throws -> EvidenceRecord {
        func value<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
            try row.decode(column: prefix + column, as: T.self)
        }
        func file(_ name: String) throws -> StoredFile? {
            guard let key = try value("\(name)_key", as: String?.self) else { return nil }
            return StoredFile(key: key, byteSize: try value("\(name)_size"), sha256: try value("\(name)_sha256"))
        }
        guard let id = EvidenceID(try value("id", as: String.self)),
            let kind = SanitisedEvidence.Kind(rawValue: try value("kind")),
            let original = try file("original")
        else {
            throw StoredDataError.corrupt(table: "evidence", detail: "bad id, kind or original")
        }
        return EvidenceRecord(
            id: id, caseReference: try value("case_reference", as: String?.self).flatMap(CaseReference.init),
            draftKey: try value("draft_key"), originalName: try value("original_name"), kind: kind,
            mediaType: try value("media_type"), original: original, display: try file("display"),
            thumbnail: try file("thumbnail"), pixelWidth: try value("pixel_width"), pixelHeight: try value("pixel_height"),
            pageCount: try value("page_count"), receivedAt: try Stored.date(row, prefix + "received_at")
        )
    }
}
