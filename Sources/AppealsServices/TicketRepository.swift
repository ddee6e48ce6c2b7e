import AppealsDomain
import Foundation

/// Identifies one run of the ticket import, so that every ticket row records which import last saw it.
public struct TicketImportID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
}

/// A ticket read from line `line` of an import file.
public struct ImportedTicketRow: Sendable, Equatable {
    public let line: Int
    public let ticket: Ticket
    public init(line: Int, ticket: Ticket) {
        self.line = line
        self.ticket = ticket
    }
}

/// What storing one imported row did.
public enum TicketUpsertOutcome: Sendable, Equatable {
    case imported
    case updated
    case unchanged
    /// The same ticket number already appeared earlier in this same import, on `firstLine`; the row is refused.
    case duplicate(firstLine: Int)
}

/// Storage of tickets, as the import and the lookups need it.
public protocol TicketRepository: Sendable {
    /// Records that an import run started.
    func beginImport(_ id: TicketImportID, source: String, at: Date) async throws
    /// Stores a batch in one transaction and says, row by row in order, what happened to each.
    func importBatch(_ rows: [ImportedTicketRow], importID: TicketImportID, at: Date) async throws -> [TicketUpsertOutcome]
    /// Records the import's totals.
    func finishImport(_ id: TicketImportID, summary: TicketImportSummary, at: Date) async throws
    func ticket(_ number: TicketNumber) async throws -> Ticket?
    func ticketCount() async throws -> Int
}
