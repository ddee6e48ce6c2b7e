import AppealsDomain
import Foundation

/// The totals of one import.
public struct TicketImportSummary: Sendable, Equatable {
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public init() {}
    public init(imported: Int, updated: Int, unchanged: Int, rejected: Int) {
        self.imported = imported
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
    }
}
