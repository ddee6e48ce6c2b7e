import AppealsDomain

/// What a ticket number and a plate, as typed, come to: each problem is named for the field it belongs to, and a
/// ticket is found only when both match and no appeal on it is still open.
public struct TicketMatch: Sendable, Equatable, Encodable {
    public var ticketMissing = false
    public var ticketInvalid = false
    public var plateMissing = false
    public var plateInvalid = false
    /// Both well formed, but no ticket has this number with this plate.
    public var noMatch = false
    /// The ticket has an appeal still undecided: a second one is pointed at the first.
    public var alreadyAppealed = false
    /// The ticket, when it matched and may be appealed.
    public var ticket: Ticket?
    /// An appeal received now (or when the postmark says) is late (``Ticket/isLate(appealReceivedAt:windowDays:)``).
    public var late = false

    /// Pages show the flags (the ticket is the caller's to use).
    enum CodingKeys: String, CodingKey { case ticketMissing, ticketInvalid, plateMissing, plateInvalid, noMatch, alreadyAppealed, late }

    public init() {}

    /// Whether a number and a plate, as typed, are there and well formed: nothing is looked up.
    public init(ticket ticketInput: String, plate plateInput: String) {
        ticketMissing = ticketInput.trimmingSpaces.isEmpty
        ticketInvalid = !ticketMissing && TicketNumber(ticketInput) == nil
        plateMissing = plateInput.trimmingSpaces.isEmpty
        plateInvalid = !plateMissing && PlateNumber(plateInput) == nil
    }

    /// The number and plate were both well formed (whether or not they matched a ticket).
    public var wellFormed: Bool { !(ticketMissing || ticketInvalid || plateMissing || plateInvalid) }
}
