import AppealsDomain
import Foundation

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
