import AppealsDomain
import Foundation

/// A case as the workflow needs it: the record, its state history and the deadline firings already recorded.
public struct LoadedCase: Sendable, Equatable {
    public let record: Case
    public let history: [CaseHistoryEntry]
    public let firings: Set<DeadlineFiring>
    public init(record: Case, history: [CaseHistoryEntry], firings: Set<DeadlineFiring>) {
        self.record = record
        self.history = history
        self.firings = firings
    }
}
