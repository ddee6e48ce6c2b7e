import AppealsDomain
import Foundation

/// Why a line of a ticket file was not imported.
public enum TicketImportRejection: Sendable, Equatable {
    case record(TicketRecordProblem)
    case duplicate(firstLine: Int)
    case invalidEncoding
    case unterminatedQuote
}
