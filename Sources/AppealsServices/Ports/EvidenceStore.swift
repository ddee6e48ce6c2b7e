import AppealsDomain
import Foundation

/// The evidence rows.
public protocol EvidenceStore: Sendable {
    func addEvidence(_ record: EvidenceRecord) async throws
    func evidence(forDraft draftKey: String) async throws -> [EvidenceRecord]
    func evidence(forCase reference: CaseReference) async throws -> [EvidenceRecord]
    func evidence(_ id: EvidenceID) async throws -> EvidenceRecord?
    /// Removes a draft's file row (the files go with the next evidence sweep); nil if the draft has no such file.
    func removeEvidence(_ id: EvidenceID, fromDraft draftKey: String) async throws -> EvidenceRecord?
    /// Every row, for the evidence sweep.
    func allEvidence() async throws -> [EvidenceRecord]
    /// Deletes the rows of drafts that were never filed and no longer exist, received before `cutoff`; returns them.
    func removeAbandonedEvidence(receivedBefore cutoff: Date) async throws -> [EvidenceRecord]
}
