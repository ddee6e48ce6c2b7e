import AppealsDomain
import Foundation

/// The case page's facts besides the case record: the ticket, what the citizen wrote, the one timeline of every
/// channel, and the plate's other appeals.
public struct CaseFile: Sendable {
    public let ticket: Ticket
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
