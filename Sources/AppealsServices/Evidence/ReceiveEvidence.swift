import AppealsDomain
import Foundation

/// Checks, sanitises and keeps one uploaded file that has been streamed to a temporary file.
///
/// The per-appeal limits (number of files, total size) are checked first; then the inspector decides what the
/// file is and makes its clean copies; then the original and the copies are written durably; only then is the
/// row committed. A refused file leaves nothing behind, and a crash leaves at worst files without a row, which
/// the evidence sweep removes.
public struct ReceiveEvidence: Sendable {
    public let inspector: any EvidenceInspector
    public let storage: any EvidenceStorage
    public let store: any EvidenceStore
    public let clock: any WallClock
    public let random: any RandomSource
    public let limits: EvidenceLimits

    public init(
        inspector: any EvidenceInspector, storage: any EvidenceStorage, store: any EvidenceStore,
        clock: any WallClock, random: any RandomSource = SystemRandomSource(), limits: EvidenceLimits
    ) {
        self.inspector = inspector
        self.storage = storage
        self.store = store
        self.clock = clock
        self.random = random
        self.limits = limits
    }

    public func callAsFunction(file: URL, size: Int, originalName: String, owner: EvidenceOwner) async throws -> EvidenceRecord {
        defer { try? FileManager.default.removeItem(at: file) }
        let existing = try await files(of: owner)
        guard existing.count < limits.maxFiles else { throw EvidenceRejection.tooManyFiles(limit: limits.maxFiles) }
        guard size > 0 else { throw EvidenceRejection.empty }
        guard size <= limits.maxFileBytes else { throw EvidenceRejection.fileTooLarge(limitBytes: limits.maxFileBytes) }
        guard existing.reduce(0, { $0 + $1.original.byteSize }) + size <= limits.maxAppealBytes else {
            throw EvidenceRejection.appealTooLarge(limitBytes: limits.maxAppealBytes)
        }
        let (original, result) = try await inspector.inspect(fileAt: file)
        let storedOriginal = try await storage.store(original)
        var display: StoredFile?, thumbnail: StoredFile?
        if let bytes = result.display { display = try await storage.store(bytes) }
        if let bytes = result.thumbnail { thumbnail = try await storage.store(bytes) }
        let record = EvidenceRecord(
            id: EvidenceID(drawingFrom: random), caseReference: owner.caseReference, draftKey: owner.draftKey,
            originalName: Self.displayName(originalName), kind: result.kind, mediaType: result.mediaType,
            original: storedOriginal, display: display, thumbnail: thumbnail,
            pixelWidth: result.pixelWidth, pixelHeight: result.pixelHeight, pageCount: result.pageCount,
            receivedAt: clock.now()
        )
        try await store.addEvidence(record)
        return record
    }

    /// Removes a file from a draft: the row first, then its files (a crash in between leaves files without a row,
    /// which the evidence sweep deletes; never a row without its file).
    public func remove(_ id: EvidenceID, fromDraft draftKey: String) async throws {
        guard let removed = try await store.removeEvidence(id, fromDraft: draftKey) else { return }
        for file in removed.files { try storage.delete(file.key) }
    }

    /// The device's file name, kept for display only: no folders, no control characters, at most 120 characters.
    public static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter {
                    !CharacterSet.controlCharacters.contains($0) && $0 != "\""
                })
        )
        .trimmingCharacters(in: .whitespaces)
        let short = String(clean.prefix(120))
        return short.isEmpty || short == "." || short == ".." ? "file" : short
    }
}

extension ReceiveEvidence {
    /// The files a draft or a case has so far.
    public func files(of owner: EvidenceOwner) async throws -> [EvidenceRecord] {
        switch owner {
        case .draft(let key): try await store.evidence(forDraft: key)
        case .filed(let reference): try await store.evidence(forCase: reference)
        }
    }

    /// A file's thumbnail (a sanitised copy), if the file is `owner`'s and has one.
    public func thumbnail(_ id: EvidenceID, of owner: EvidenceOwner) async throws -> Data? {
        guard let record = try await store.evidence(id), record.caseReference == owner.caseReference, record.draftKey == owner.draftKey,
            let thumbnail = record.thumbnail
        else { return nil }
        return try storage.read(thumbnail.key)
    }
}
