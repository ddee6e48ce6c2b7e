import AppealsDomain
import Foundation

/// A filed case's evidence for staff: the sanitised copies to look at, and the original as received, whose every
/// download is recorded on the case's timeline.
public struct CaseEvidenceFiles: Sendable {
    let evidence: any EvidenceStore
    let storage: any EvidenceStorage
    let cases: any CaseStore
    let access: CaseAccess
    let clock: any WallClock

    public init(evidence: any EvidenceStore, storage: any EvidenceStorage, cases: any CaseStore, access: CaseAccess, clock: any WallClock) {
        self.evidence = evidence
        self.storage = storage
        self.cases = cases
        self.access = access
        self.clock = clock
    }

    /// A filed case's file, if this person may see the case: ``AppError/notFound`` for a draft's file or no file,
    /// ``AppError/notPermitted`` when the case is not theirs to see.
    public func visibleFile(_ id: EvidenceID?, to viewer: StaffAccount) async throws -> EvidenceRecord {
        guard let id, let record = try await evidence.evidence(id), let reference = record.caseReference,
            let loaded = try await cases.load(reference, withFirings: false)
        else { throw AppError.notFound }
        guard access.mayView(loaded.record, viewer) else { throw AppError.notPermitted }
        return record
    }

    /// The bytes of a sanitised copy (or of a PDF, which is kept as received).
    public func bytes(of file: StoredFile) throws -> Data { try storage.read(file.key) }

    /// The original as received, its download recorded on the case's timeline.
    public func original(of record: EvidenceRecord, by staff: StaffID) async throws -> Data {
        guard let reference = record.caseReference else { throw AppError.notFound }
        let data = try storage.read(record.original.key)
        try await cases.record([
            (
                reference,
                Interaction(
                    at: clock.now(), channel: .web, direction: .internal, actor: staff.value, kind: .evidenceOriginalDownloaded,
                    summary: "\(record.originalName) (SHA-256 \(record.original.sha256.prefix(16))…)", isPublic: false
                )
            )
        ])
        return data
    }
}
