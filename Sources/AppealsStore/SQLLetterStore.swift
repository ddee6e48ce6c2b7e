import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Letters and print batches in SQL. Each step is an `UPDATE … WHERE status = <expected>` with `RETURNING`, so
/// that of two instances or two clerks doing the same step at once, one does it and the other is told.
public struct SQLLetterStore: LetterStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let columns = [
        "id", "case_reference", "kind", "status", "queued_at", "produced_at", "file_key", "byte_size", "sha256", "pages",
        "template_version", "recipient", "batch_id", "posted_on", "deemed_served_on", "returned_at", "return_reason", "problem", "facts",
    ]

    public func addressesToCheck(limit: Int) async throws -> [CaseReference] {
        try await database.withConnection { db in
            try await db.select().column("case_reference").from("appeals").where(SQLIdentifier("address_to_check"), .equal, SQLBind(true))
                .orderBy("case_reference").limit(limit).all()
                .compactMap { CaseReference(try $0.decode(column: "case_reference", as: String.self)) }
        }
    }

    public func queuedLetters(limit: Int) async throws -> [LetterRecord] {
        try await select { $0.where("status", .equal, SQLBind("queued")).orderBy("queued_at").orderBy("id").limit(limit) }
    }

    public func recordProduced(_ id: LetterID, file: StoredFile, letter: ComposedLetter, at: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE letters SET status = 'ready', produced_at = \(bind: Stored.time(at)), file_key = \(bind: file.key),
                byte_size = \(bind: file.byteSize), sha256 = \(bind: file.sha256), pages = \(bind: letter.pages),
                template_version = \(bind: letter.templateVersion), layout = \(bind: String(decoding: letter.layout, as: UTF8.self)),
                recipient = \(bind: letter.recipient)
                WHERE id = \(bind: id.value) AND status = 'queued' RETURNING id
                """
            ).all().count == 1
        }
    }

    public func recordUnproduced(_ id: LetterID, status: LetterRecord.Status, problem: String) async throws {
        try await database.write { db in
            try await db.update("letters").set("status", to: SQLBind(status.rawValue)).set("problem", to: SQLBind(problem))
                .where("id", .equal, SQLBind(id.value)).where("status", .equal, SQLBind("queued")).run()
        }
    }

    public func letter(_ id: LetterID) async throws -> LetterRecord? {
        try await select { $0.where("id", .equal, SQLBind(id.value)) }.first
    }

    public func letters(of reference: CaseReference) async throws -> [LetterRecord] {
        try await select { $0.where("case_reference", .equal, SQLBind(reference.value)).orderBy("queued_at", .descending) }
    }

    public func letters(inBatch id: PrintBatchID, offset: Int, limit: Int) async throws -> [LetterRecord] {
        try await select { $0.where("batch_id", .equal, SQLBind(id.value)).orderBy("id").offset(offset).limit(limit) }
    }

    public func waitingLetters() async throws -> [WaitingLetters] {
        try await database.withConnection { db in
            try await db.select().column("kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("MIN", args: SQLColumn("produced_at")), as: "oldest")
                .from("letters").where("status", .equal, SQLBind("ready")).groupBy("kind").orderBy("kind").all()
                .compactMap { row in
                    guard let kind = LetterKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                    return WaitingLetters(
                        kind: kind, count: try row.decode(column: "n", as: Int.self), oldest: try Stored.date(row, "oldest"))
                }
        }
    }

    public func letters(in statuses: [LetterRecord.Status], limit: Int) async throws -> [LetterRecord] {
        try await select { $0.where("status", .in, statuses.map(\.rawValue)).orderBy("queued_at", .descending).limit(limit) }
    }

    public func openBatch(_ id: PrintBatchID, cutoff: Date, by staff: StaffID?, at: Date) async throws -> Int {
        try await database.transaction { db in
            let assigned = try await db.raw(
                """
                UPDATE letters SET status = 'batched', batch_id = \(bind: id.value)
                WHERE status = 'ready' AND produced_at <= \(bind: Stored.time(cutoff)) RETURNING id
                """
            ).all().count
            guard assigned > 0 else { return 0 }
            try await db.insert(into: "letter_batches")
                .columns("id", "status", "cutoff", "created_at", "created_by", "letters")
                .values(
                    SQLBind(id.value), SQLBind("creating"), SQLBind(Stored.time(cutoff)), SQLBind(Stored.time(at)),
                    SQLBind(staff?.value ?? "system"),
                    SQLBind(assigned)
                ).run()
            return assigned
        }
    }

    public func batchLetters(_ id: PrintBatchID, after: LetterID?, limit: Int) async throws -> [BatchLetter] {
        try await database.withConnection { db in
            var query = db.select().columns("id", "case_reference", "kind", "recipient", "layout").from("letters")
                .where("batch_id", .equal, SQLBind(id.value))
            if let after { query = query.where("id", .greaterThan, SQLBind(after.value)) }
            return try await query.orderBy("id").limit(limit).all().map { row in
                guard let letterID = LetterID(try row.decode(column: "id", as: String.self)),
                    let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)),
                    let kind = LetterKind(rawValue: try row.decode(column: "kind", as: String.self))
                else { throw StoredDataError.corrupt(table: "letters", detail: "unreadable batch letter") }
                return BatchLetter(
                    id: letterID, reference: reference, kind: kind, recipient: try row.decode(column: "recipient", as: String?.self) ?? "",
                    layout: Data((try row.decode(column: "layout", as: String?.self) ?? "").utf8))
            }
        }
    }

    public func finishBatch(_ id: PrintBatchID, pdf: StoredFile, manifest: StoredFile, pages: Int, sheets: Int) async throws {
        try await database.write { db in
            try await db.update("letter_batches").set("status", to: SQLBind("ready")).set("pdf_key", to: SQLBind(pdf.key))
                .set("pdf_sha256", to: SQLBind(pdf.sha256)).set("manifest_key", to: SQLBind(manifest.key))
                .set("pages", to: SQLBind(pages)).set("sheets", to: SQLBind(sheets))
                .where("id", .equal, SQLBind(id.value)).where("status", .equal, SQLBind("creating")).run()
        }
    }

    public func batch(_ id: PrintBatchID) async throws -> PrintBatch? {
        try await batches { $0.where("id", .equal, SQLBind(id.value)) }.first
    }

    public func batches(offset: Int, limit: Int) async throws -> [PrintBatch] {
        try await batches { $0.orderBy("created_at", .descending).orderBy("id").offset(offset).limit(limit) }
    }

    public func unfinishedBatches() async throws -> [PrintBatchID] {
        try await batches { $0.where("status", .equal, SQLBind("creating")) }.map(\.id)
    }

    public func markPrinted(
        _ id: PrintBatchID, by staff: StaffID?, at: Date, interactions: [(CaseReference, Interaction)], counted: [MeasureCount]
    ) async throws -> Bool {
        try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE letter_batches SET status = 'printed', printed_at = \(bind: Stored.time(at)), printed_by = \(bind: staff?.value)
                    WHERE id = \(bind: id.value) AND status = 'ready' RETURNING id
                    """
                ).all().count == 1
            else { return false }
            try await db.update("letters").set("status", to: SQLBind("printed"))
                .where("batch_id", .equal, SQLBind(id.value)).where("status", .equal, SQLBind("batched")).run()
            try await SQLCaseStore.insert(interactions, on: db)
            try await MeasureCounts.add(counted, on: db)
            return true
        }
    }

    public func markPosted(
        _ id: PrintBatchID, on day: LocalDate, deemedServed: LocalDate, by staff: StaffID?, interactions: [(CaseReference, Interaction)],
        counted: [MeasureCount]
    ) async throws -> Bool {
        try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE letter_batches SET status = 'posted', posted_on = \(bind: day.description), posted_by = \(bind: staff?.value)
                    WHERE id = \(bind: id.value) AND status = 'printed' RETURNING id
                    """
                ).all().count == 1
            else { return false }
            try await db.update("letters").set("status", to: SQLBind("posted")).set("posted_on", to: SQLBind(day.description))
                .set("deemed_served_on", to: SQLBind(deemedServed.description))
                .where("batch_id", .equal, SQLBind(id.value)).where("status", .equal, SQLBind("printed")).run()
            try await SQLCaseStore.insert(interactions, on: db)
            try await MeasureCounts.add(counted, on: db)
            return true
        }
    }

    public func recordReturned(_ id: LetterID, reason: String, at: Date, interaction: Interaction, counted: [MeasureCount]) async throws
        -> Bool
    {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                UPDATE letters SET status = 'returned', returned_at = \(bind: Stored.time(at)), return_reason = \(bind: reason)
                WHERE id = \(bind: id.value) AND status = 'posted' RETURNING case_reference
                """
            ).all()
            guard let row = rows.first, let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)) else {
                return false
            }
            try await SQLCaseStore.insert([(reference, interaction)], on: db)
            try await MeasureCounts.add(counted, on: db)
            return true
        }
    }

    public func postedLettersToApply(limit: Int) async throws -> [LetterRecord] {
        try await select {
            $0.where("kind", .in, [LetterKind.acknowledgement.rawValue, LetterKind.decision.rawValue])
                .where("status", .in, ["posted", "returned"])
                .where("case_updated_at", .is, SQLLiteral.null).orderBy("id").limit(limit)
        }
    }

    public func recordCaseUpdated(_ id: LetterID, at: Date) async throws {
        try await database.write { db in
            try await db.update("letters").set("case_updated_at", to: SQLBind(Stored.time(at))).where("id", .equal, SQLBind(id.value)).run()
        }
    }

    private func select(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [LetterRecord] {
        try await database.withConnection { db in
            try await filter(db.select().columns(Self.columns.map { SQLColumn($0) }).from("letters")).all().map(Self.letter)
        }
    }

    /// Queues a letter of `kind` for a case, in the caller's transaction (the print room's producer makes it).
    static func queue(_ kind: LetterKind, for reference: CaseReference, at: Date, on db: any SQLDatabase) async throws {
        try await db.insert(into: "letters").columns("id", "case_reference", "kind", "status", "queued_at")
            .values(SQLBind(Stored.newID()), SQLBind(reference.value), SQLBind(kind.rawValue), SQLBind("queued"), SQLBind(Stored.time(at)))
            .run()
    }

    static func letter(_ row: any SQLRow) throws -> LetterRecord {
        guard let id = LetterID(try row.decode(column: "id", as: String.self)),
            let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)),
            let kind = LetterKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let status = LetterRecord.Status(rawValue: try row.decode(column: "status", as: String.self))
        else { throw StoredDataError.corrupt(table: "letters", detail: "unreadable letter") }
        let key = try row.decode(column: "file_key", as: String?.self)
        let file = try key.map {
            StoredFile(
                key: $0, byteSize: try row.decode(column: "byte_size", as: Int?.self) ?? 0,
                sha256: try row.decode(column: "sha256", as: String?.self) ?? "")
        }
        var record = LetterRecord(
            id: id, reference: reference, kind: kind, status: status, queuedAt: try Stored.date(row, "queued_at"),
            producedAt: try Stored.optionalDate(row, "produced_at"), file: file, pages: try row.decode(column: "pages", as: Int?.self),
            templateVersion: try row.decode(column: "template_version", as: String?.self),
            recipient: try row.decode(column: "recipient", as: String?.self),
            batchID: try row.decode(column: "batch_id", as: String?.self).flatMap(PrintBatchID.init),
            postedOn: try row.decode(column: "posted_on", as: String?.self).flatMap { LocalDate(iso: $0) },
            deemedServedOn: try row.decode(column: "deemed_served_on", as: String?.self).flatMap { LocalDate(iso: $0) },
            returnedAt: try Stored.optionalDate(row, "returned_at"),
            returnReason: try row.decode(column: "return_reason", as: String?.self),
            problem: try row.decode(column: "problem", as: String?.self))
        if let facts = try row.decode(column: "facts", as: String?.self), !facts.isEmpty {
            record.snapshot = try? JSONDecoder().decode(LetterSnapshot.self, from: Data(facts.utf8))
        }
        return record
    }

    private func batches(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [PrintBatch] {
        try await database.withConnection { db in
            try await filter(db.select().column("*").from("letter_batches")).all().map { row in
                guard let id = PrintBatchID(try row.decode(column: "id", as: String.self)),
                    let status = PrintBatch.Status(rawValue: try row.decode(column: "status", as: String.self))
                else { throw StoredDataError.corrupt(table: "letter_batches", detail: "unreadable batch") }
                let pdf = try row.decode(column: "pdf_key", as: String?.self).map {
                    StoredFile(key: $0, byteSize: 0, sha256: try row.decode(column: "pdf_sha256", as: String?.self) ?? "")
                }
                return PrintBatch(
                    id: id, status: status, cutoff: try Stored.date(row, "cutoff"), createdAt: try Stored.date(row, "created_at"),
                    createdBy: try row.decode(column: "created_by", as: String?.self).map(StaffID.init),
                    letters: try row.decode(column: "letters", as: Int.self), pages: try row.decode(column: "pages", as: Int?.self),
                    sheets: try row.decode(column: "sheets", as: Int?.self), pdf: pdf,
                    manifestKey: try row.decode(column: "manifest_key", as: String?.self),
                    printedAt: try Stored.optionalDate(row, "printed_at"),
                    postedOn: try row.decode(column: "posted_on", as: String?.self).flatMap { LocalDate(iso: $0) })
            }
        }
    }
}
