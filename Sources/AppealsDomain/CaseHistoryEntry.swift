import Foundation

/// One entry of a case's state history: the facts deadlines are computed from.
public struct CaseHistoryEntry: Sendable, Equatable {
    public let at: Date
    public let event: CaseEventKind
    public let from: CaseState
    public let to: CaseState

    public init(at: Date, event: CaseEventKind, from: CaseState, to: CaseState) {
        self.at = at
        self.event = event
        self.from = from
        self.to = to
    }
}
