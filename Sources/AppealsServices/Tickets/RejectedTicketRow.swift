import AppealsDomain
import Foundation

/// One line of a ticket file that was not imported, and why.
public struct RejectedTicketRow: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: TicketImportRejection

    public init(line: Int, reason: TicketImportRejection) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(TicketImportMessages.text(for: reason))" }
}
