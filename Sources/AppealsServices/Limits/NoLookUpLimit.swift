import Foundation

/// No limit (`LOOKUP_LIMIT=0`).
public struct NoLookUpLimit: LookUpLimiter {
    public init() {}
    public func check(_ client: String) async throws {}
}
