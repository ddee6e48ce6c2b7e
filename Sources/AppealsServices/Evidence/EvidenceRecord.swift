import AppealsDomain
import Foundation

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
