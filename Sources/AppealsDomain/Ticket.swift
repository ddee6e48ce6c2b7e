import Foundation

/// A parking ticket as issued by the enforcement system. This product never creates tickets; it receives them
/// by import and appeals against them.
public struct Ticket: Hashable, Sendable, Codable {
    public var number: TicketNumber
    public var plate: Plate
    /// When the ticket was issued, as an instant (stored in UTC).
    public var issuedAt: Date
    public var location: String
    public var violation: Violation
    /// The penalty in the smallest currency unit (cents).
    public var amountCents: Int
    public var officerID: OfficerID
    /// Towed vehicles accrue storage fees daily, which raises a case's priority.
    public var towed: Bool

    public init(
        number: TicketNumber, plate: Plate, issuedAt: Date, location: String, violation: Violation,
        amountCents: Int, officerID: OfficerID, towed: Bool
    ) {
        self.number = number
        self.plate = plate
        self.issuedAt = issuedAt
        self.location = location
        self.violation = violation
        self.amountCents = amountCents
        self.officerID = officerID
        self.towed = towed
    }
}

extension Ticket {
    /// The late-appeal rule, in one place: an appeal received more than `windowDays` after the ticket was issued is
    /// accepted but flagged late (docs/DOMAIN.md, "Deadlines and SLAs": the appeal window).
    public func isLate(appealReceivedAt received: Date, windowDays: Int) -> Bool {
        received > issuedAt.addingTimeInterval(Double(windowDays) * 86_400)
    }
}
