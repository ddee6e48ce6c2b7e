import AppealsDomain
import Foundation

public struct QueueRow: Sendable, Equatable {
    public let reference: CaseReference
    public let ticketNumber: TicketNumber
    public let plate: String
    public let grounds: [Ground]
    public let state: CaseState
    public let late: Bool
    public let towed: Bool
    public let vulnerable: Bool
    public let repeatContact: Bool
    public let escalated: Bool
    public let assignee: StaffID?
    /// The earliest running deadline, if any.
    public let nextDueAt: Date?
    /// The citizen wrote (e-mail, text) and nobody who works the case has opened it since.
    public var newMessage = false

    public init(
        reference: CaseReference, ticketNumber: TicketNumber, plate: String, grounds: [Ground], state: CaseState, late: Bool,
        towed: Bool, vulnerable: Bool, repeatContact: Bool, escalated: Bool, assignee: StaffID?, nextDueAt: Date?
    ) {
        self.reference = reference
        self.ticketNumber = ticketNumber
        self.plate = plate
        self.grounds = grounds
        self.state = state
        self.late = late
        self.towed = towed
        self.vulnerable = vulnerable
        self.repeatContact = repeatContact
        self.escalated = escalated
        self.assignee = assignee
        self.nextDueAt = nextDueAt
    }
}
