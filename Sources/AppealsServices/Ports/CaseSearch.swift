import AppealsDomain
import Foundation

/// Finds cases by whatever a caller reads out, each reading served from an index.
public protocol CaseSearch: Sendable {
    /// The cases matching any of `readings`, at most `limit`, each with what tells it apart.
    func cases(matching readings: [SearchQuery], limit: Int) async throws -> [CaseSearchHit]
}

/// One case found by the agent's search.
public struct CaseSearchHit: Sendable, Equatable {
    public let reference: CaseReference
    public let state: CaseState
    public let contactName: String?
    public let plate: String
    public let ticketNumber: String
    public let ticketIssuedAt: Date
    public let receivedAt: Date
    /// The latest interaction on any channel.
    public let lastContactAt: Date?
    /// Which reading found it.
    public let matchedBy: SearchQuery
    /// A message from the citizen waits unread on the case (the caller may be ringing about it).
    public var messageWaiting = false

    public init(
        reference: CaseReference, state: CaseState, contactName: String?, plate: String, ticketNumber: String, ticketIssuedAt: Date,
        receivedAt: Date, lastContactAt: Date?, matchedBy: SearchQuery
    ) {
        self.reference = reference
        self.state = state
        self.contactName = contactName
        self.plate = plate
        self.ticketNumber = ticketNumber
        self.ticketIssuedAt = ticketIssuedAt
        self.receivedAt = receivedAt
        self.lastContactAt = lastContactAt
        self.matchedBy = matchedBy
    }
}
