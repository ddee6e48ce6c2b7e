import AppealsDomain
import Foundation

/// What the print room shows: letters waiting and failed, the batches, a batch's letters and files, and a produced
/// letter to those who may view its case.
extension PrintRoom {
    /// The room at a glance: letters waiting by kind, failed letters, page `offset/limit` of the batches, and the
    /// cases whose address must be checked before a letter can go.
    public struct Overview: Sendable {
        public let waiting: [WaitingLetters]
        public let failed: [LetterRecord]
        public let batches: [PrintBatch]
        public let addressesToCheck: [CaseReference]
    }

    public func overview(batchesOffset offset: Int, limit: Int) async throws -> Overview {
        Overview(
            waiting: try await store.waitingLetters(), failed: try await store.letters(in: [.failed], limit: 50),
            batches: try await store.batches(offset: offset, limit: limit), addressesToCheck: try await store.addressesToCheck(limit: 100))
    }

    public func batch(_ id: PrintBatchID) async throws -> PrintBatch? { try await store.batch(id) }

    public func letters(inBatch id: PrintBatchID, offset: Int, limit: Int) async throws -> [LetterRecord] {
        try await store.letters(inBatch: id, offset: offset, limit: limit)
    }

    public func letter(_ id: LetterID) async throws -> LetterRecord? { try await store.letter(id) }

    /// A batch's PDF or manifest, or a produced letter's PDF.
    public func file(_ key: String) throws -> Data { try storage.read(key) }

    /// A produced letter's PDF, for someone who may view its case (``CaseAccess/mayView(_:_:)``); nil when it has none.
    public func pdf(of letter: LetterRecord, for account: StaffAccount, access: CaseAccess = CaseAccess()) async throws -> Data? {
        guard let loaded = try await engine.store.load(letter.reference, withFirings: false) else { return nil }
        guard access.mayView(loaded.record, account) else { throw AppError.notPermitted }
        return try letter.file.map { try storage.read($0.key) }
    }
}
