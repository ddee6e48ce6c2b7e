import Foundation

/// A file the citizen sent with their reply, handed to the evidence pipeline, which sniffs and checks the bytes
/// itself: `contentType` is only what the sender's client claimed.
public struct MailAttachment: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var data: [UInt8]

    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// Why a byte string could not be read as an e-mail, so the caller can log and drop it rather than retry.
public enum MailParseError: Error, Sendable, Equatable {
    /// No header fields before the first empty line (or empty input).
    case notAMessage
    /// Larger than `InboundEmail.maximumSize`.
    case tooLarge
}
