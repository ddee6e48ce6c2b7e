import AppealsDomain
import Foundation

/// One warning or breach of one deadline at one due time: the exactly-once key.
public struct DeadlineFiring: Hashable, Sendable {
    public enum Level: String, Sendable, CaseIterable { case warning, breach }
    public let reference: CaseReference
    public let kind: DeadlineKind
    public let level: Level
    public let at: Date
    public init(reference: CaseReference, kind: DeadlineKind, level: Level, at: Date) {
        self.reference = reference
        self.kind = kind
        self.level = level
        self.at = at
    }
}
