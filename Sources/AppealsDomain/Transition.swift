import Foundation

/// The result of an accepted event: the case as it now is, and what must happen because of it.
public struct Transition: Sendable, Equatable {
    public let from: CaseState
    public let event: CaseEventKind
    public let actor: Actor
    public let at: Date
    public let updated: Case
    public let effects: [WorkflowEffect]
}
