import Foundation

/// Why one row of a ticket file cannot become a ticket. Typed, so that each channel words it its own way.
public enum TicketRecordProblem: Error, Hashable, Sendable {
    case wrongFieldCount(expected: Int, found: Int)
    case missing(TicketColumn)
    case invalidTicketNumber(String)
    case invalidPlate(String)
    case invalidPlateRegion(String)
    case invalidTimestamp(String)
    case issuedInFuture(String)
    case invalidAmount(String)
    case amountOutOfRange(Int)
    case invalidTowed(String)
    case tooLong(TicketColumn, limit: Int)
    /// A one-line text column (violation code, violation, officer) holds a line break or a control character
    /// (``SingleLineText``).
    case notOneLine(TicketColumn)
    /// The location (which may span lines) holds a control character other than a line break.
    case controlCharacter(TicketColumn)
}
