import AppealsDomain
import Foundation

/// One entry of a case's timeline.
public struct Interaction: Sendable, Equatable {
    public let at: Date
    public let channel: Channel
    public let direction: Direction
    public let actor: String
    public let kind: InteractionKind
    public let summary: String?
    /// Shown on the citizen's status page.
    public let isPublic: Bool
    /// For a logged call: its reason, outcome and resolution.
    public let call: CallDetails?

    public enum Direction: String, Sendable { case inbound = "in", outbound = "out", `internal` }

    public init(
        at: Date, channel: Channel, direction: Direction, actor: String, kind: InteractionKind, summary: String? = nil, isPublic: Bool,
        call: CallDetails? = nil
    ) {
        self.at = at
        self.channel = channel
        self.direction = direction
        self.actor = actor
        self.kind = kind
        self.summary = summary
        self.isPublic = isPublic
        self.call = call
    }
}
