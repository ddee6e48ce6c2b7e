import AppealsDomain
import Foundation

/// A ticket read from line `line` of an import file.
public struct ImportedTicketRow: Sendable, Equatable {
    public let line: Int
    public let ticket: Ticket
    public init(line: Int, ticket: Ticket) {
        self.line = line
        self.ticket = ticket
    }
}
