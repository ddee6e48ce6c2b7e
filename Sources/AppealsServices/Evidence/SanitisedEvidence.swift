import AppealsDomain
import Foundation

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
