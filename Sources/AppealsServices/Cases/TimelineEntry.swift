import AppealsDomain
import Foundation

/// One line of the case's timeline: a workflow event (from the audit trail) or an interaction on any channel.
public struct TimelineEntry: Sendable, Equatable {
    public let at: Date
    public let channel: String
    /// Who: a staff member's name on the case page (their id as stored), `citizen`, `system`, `automated line`.
    public var actor: String
    public let kind: TimelineKind
    public let summary: String?
    public let isPublic: Bool
    /// How many times it happened (status checks are counted per day, not listed one by one).
    public let count: Int
    /// For a logged call: its reason, outcome and resolution.
    public let call: CallDetails?

    public init(
        at: Date, channel: String, actor: String, kind: TimelineKind, summary: String?, isPublic: Bool, count: Int = 1,
        call: CallDetails? = nil
    ) {
        self.at = at
        self.channel = channel
        self.actor = actor
        self.kind = kind
        self.summary = summary
        self.isPublic = isPublic
        self.count = count
        self.call = call
    }
}
