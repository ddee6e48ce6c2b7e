import Foundation

/// The columns of the enforcement system's ticket file. Order is free and extra columns are ignored.
public enum TicketColumn: String, CaseIterable, Sendable {
    case ticketNumber = "ticket_number"
    case plate
    case plateRegion = "plate_region"
    case issuedAt = "issued_at"
    case location
    case violationCode = "violation_code"
    case violation
    case amountCents = "amount_cents"
    case officerID = "officer_id"
    case towed

    /// Every column but `towed` must be present in the header and filled in on each row.
    public var isRequired: Bool { self != .towed }
}
