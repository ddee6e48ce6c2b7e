import AppealsDomain
import Foundation

/// The case page's facts besides the case record: the ticket, what the citizen wrote, the one timeline of every
/// channel, the plate's other appeals, and the name of the reviewer it is with.
public struct CaseFile: Sendable {
    public let ticket: Ticket
    public var assigneeName: String?
    public let appeal: AppealDetails?
    public let timeline: [TimelineEntry]
    public let otherCases: [(reference: CaseReference, state: CaseState)]

    public init(
        ticket: Ticket, appeal: AppealDetails?, timeline: [TimelineEntry], otherCases: [(reference: CaseReference, state: CaseState)]
    ) {
        self.ticket = ticket
        self.appeal = appeal
        self.timeline = timeline
        self.otherCases = otherCases
    }
}
