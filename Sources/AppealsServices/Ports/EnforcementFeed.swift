import AppealsDomain
import Foundation

/// The enforcement feed's rows, as stored.
public protocol EnforcementFeed: Sendable {
    /// Hands every row not yet exported to `write`, oldest first, a page at a time, inside one transaction that
    /// marks them sent by `export` and records the export only when `write` has taken them all. An export that fails
    /// (or a process that dies) part-way leaves every row unsent, for the next export to send again.
    func exportUnsent(
        _ export: EnforcementExport, pageSize: Int, write: @Sendable ([EnforcementRecord]) async throws -> Void,
        finish: @Sendable () async throws -> Void
    ) async throws -> Int

    /// Rows recorded at or after `since`, whether sent or not, oldest first, after `cursor` (for paging).
    func records(since: Date, after cursor: EnforcementRecord?, limit: Int) async throws -> [EnforcementRecord]
}

/// One stored row of the feed.
public struct EnforcementRecord: Sendable, Equatable {
    public let id: String
    public let ticketNumber: TicketNumber
    public let caseReference: CaseReference
    public let event: EnforcementEvent

    public init(id: String, ticketNumber: TicketNumber, caseReference: CaseReference, event: EnforcementEvent) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.caseReference = caseReference
        self.event = event
    }
}

/// One run of the export.
public struct EnforcementExport: Sendable, Equatable {
    public let id: String
    public let at: Date
    public let fileName: String?

    public init(id: String, at: Date, fileName: String?) {
        self.id = id
        self.at = at
        self.fileName = fileName
    }
}
