import AppealsDomain
import Foundation

/// What the staff workspace lists and shows (read models; changes go through `CaseEngine`).
public protocol CaseWorkQueries: Sendable {
    /// A page of a queue, ordered by priority then the next due deadline; `hasMore` when another page follows.
    func queue(_ filter: QueueFilter) async throws -> (rows: [QueueRow], hasMore: Bool)
    /// Everything the case page shows besides the case itself.
    func caseFile(_ reference: CaseReference) async throws -> CaseFile?
    /// Each active reviewer's cases in hand, and how many of them are overdue.
    func teamLoad(now: Date) async throws -> [ReviewerWorkload]
    /// Working cases past a deadline, and those inside a deadline's warning period, most urgent first.
    func deadlineAlerts(now: Date, limit: Int) async throws -> (breached: [QueueRow], warning: [QueueRow])
    /// Paper appeals whose postmark awaits a supervisor's confirmation, oldest postmark first.
    func postmarksToConfirm(limit: Int) async throws -> [PostmarkToConfirm]
}
