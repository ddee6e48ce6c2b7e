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
