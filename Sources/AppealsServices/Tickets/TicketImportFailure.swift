import AppealsDomain
import Foundation

/// The file cannot be imported at all (worded by `TicketImportMessages`).
public enum TicketImportFailure: Error, Sendable, Equatable {
    case emptyFile
    case header(TicketHeaderProblem)
    case unreadable(path: String)
}
