import AppealsDomain
import Foundation

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
