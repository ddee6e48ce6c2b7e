import AppealsDomain
import Foundation

/// The limits on uploaded evidence. Each is checked before any full decode and has its own message.
public struct EvidenceLimits: Sendable, Equatable {
    public var maxFileBytes = 15_000_000
    public var maxFiles = 10
    public var maxAppealBytes = 60_000_000
    public var maxMegapixels = 50
    public var maxSide = 12_000
    public var maxProgressiveScans = 100
    /// What one decode may allocate (libjpeg's memory manager, and the decoded pixels of any format).
    public var decoderMemoryBytes = 256_000_000
    public var maxPDFPages = 100

    public init() {}
}

/// Why a file was refused. Facts only; `EvidenceMessages` words them for the citizen.
public enum EvidenceRejection: Error, Sendable, Equatable {
    case empty
    case fileTooLarge(limitBytes: Int)
    case tooManyFiles(limit: Int)
    case appealTooLarge(limitBytes: Int)
    /// libmagic's verdict on the bytes, when it is not a type we take.
    case notAccepted(detectedType: String)
    case tooManyPixels(width: Int, height: Int, limitMegapixels: Int)
    case sideTooLong(width: Int, height: Int, limit: Int)
    case tooManyScans(limit: Int)
    case tooBigToDecode
    /// Truncated or corrupt: it claims to be an image (or PDF) but does not decode as one.
    case damaged(detectedType: String)
    case tooManyPages(pages: Int, limit: Int)
}

/// What the pipeline made of an accepted file: its real type and, for a photo, the clean copies to show.
public struct SanitisedEvidence: Sendable {
    public enum Kind: String, Sendable { case photo, pdf }
    public var kind: Kind
    /// Detected from the bytes (libmagic), never from the name or the declared type.
    public var mediaType: String
    public var pixelWidth: Int?
    public var pixelHeight: Int?
    public var pageCount: Int?
    /// Re-encoded JPEG, upright, no metadata, longest side at most 2,560 px.
    public var display: Data?
    /// Re-encoded JPEG, upright, no metadata, longest side 320 px.
    public var thumbnail: Data?

    public init(
        kind: Kind, mediaType: String, pixelWidth: Int? = nil, pixelHeight: Int? = nil, pageCount: Int? = nil,
        display: Data? = nil, thumbnail: Data? = nil
    ) {
        self.kind = kind
        self.mediaType = mediaType
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.pageCount = pageCount
        self.display = display
        self.thumbnail = thumbnail
    }
}

/// Identifies a file by its content and sanitises it (AppealsEvidence implements this with libmagic,
/// libjpeg-turbo, libpng and libheif). Throws ``EvidenceRejection`` for a file it refuses.
public protocol EvidenceInspector: Sendable {
    func inspect(fileAt url: URL) async throws -> (original: Data, result: SanitisedEvidence)
}

/// A file written durably: its key in the storage, its size and its SHA-256 (hex).
public struct StoredFile: Sendable, Equatable {
    public let key: String
    public let byteSize: Int
    public let sha256: String

    public init(key: String, byteSize: Int, sha256: String) {
        self.key = key
        self.byteSize = byteSize
        self.sha256 = sha256
    }
}

/// Where evidence bytes live (a local folder now; an object store later). `store` returns only once the bytes
/// are durable, so the database row that names them can be committed after it.
public protocol EvidenceStorage: Sendable {
    /// A fresh path for a streamed upload, on the same volume as the store.
    func incomingFile() throws -> URL
    /// Durable when it returns; the waiting for the disk (fsync) happens off the caller's thread.
    func store(_ data: Data) async throws -> StoredFile
    func read(_ key: String) throws -> Data
    func delete(_ key: String) throws
    /// Every stored key with the time it was written.
    func allKeys() throws -> [(key: String, modified: Date)]
    /// Incoming files (uploads in progress or abandoned by a crash) with their times.
    func incomingFiles() throws -> [(url: URL, modified: Date)]
    /// Whether the stored bytes are still there and still have this SHA-256.
    func check(_ file: StoredFile) -> StoredFileCheck
}

public enum StoredFileCheck: String, Sendable { case intact, missing, altered }

public struct EvidenceID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard text.count == 32, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        value = text
    }
    public static func random() -> EvidenceID {
        var generator = SystemRandomNumberGenerator()
        return EvidenceID((0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined())!
    }
    public var description: String { value }
}

/// One evidence file's row: the chain of custody of what was received and what was derived from it.
public struct EvidenceRecord: Sendable, Equatable {
    public var id: EvidenceID
    /// Set when the appeal is filed; until then the file belongs to a draft.
    public var caseReference: CaseReference?
    /// The draft (hash of its cookie token) that holds it before filing.
    public var draftKey: String?
    /// The name the citizen's device gave it, for display only (never a path).
    public var originalName: String
    public var kind: SanitisedEvidence.Kind
    public var mediaType: String
    public var original: StoredFile
    public var display: StoredFile?
    public var thumbnail: StoredFile?
    public var pixelWidth: Int?
    public var pixelHeight: Int?
    public var pageCount: Int?
    public var receivedAt: Date

    public init(
        id: EvidenceID, caseReference: CaseReference?, draftKey: String?, originalName: String,
        kind: SanitisedEvidence.Kind, mediaType: String, original: StoredFile, display: StoredFile?,
        thumbnail: StoredFile?, pixelWidth: Int?, pixelHeight: Int?, pageCount: Int?, receivedAt: Date
    ) {
        self.id = id
        self.caseReference = caseReference
        self.draftKey = draftKey
        self.originalName = originalName
        self.kind = kind
        self.mediaType = mediaType
        self.original = original
        self.display = display
        self.thumbnail = thumbnail
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.pageCount = pageCount
        self.receivedAt = receivedAt
    }

    /// Every stored file of this record.
    public var files: [StoredFile] { [original] + [display, thumbnail].compactMap { $0 } }
}

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
