import AppealsDomain
import Foundation

/// One line of a ticket file that was not imported, and why (worded by `TicketImportMessages`).
public struct RejectedTicketRow: Sendable, Equatable {
    public let line: Int
    public let reason: TicketImportRejection

    public init(line: Int, reason: TicketImportRejection) {
        self.line = line
        self.reason = reason
    }
}
