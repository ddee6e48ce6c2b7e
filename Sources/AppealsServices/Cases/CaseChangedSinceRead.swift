import AppealsDomain
import Foundation

/// Another person changed the case after it was read: nothing was written; reload and try again.
public struct CaseChangedSinceRead: Error, Sendable, Equatable {
    public let reference: CaseReference
    public init(reference: CaseReference) { self.reference = reference }
}
