import AppealsDomain
import Foundation

/// The reviewers' queues and the supervisors' approvals: a page of cases, with the calendar their time left is
/// counted in.
public struct CaseQueues: Sendable {
    let queries: any CaseWorkQueries
    let cases: any CaseStore
    let timeZone: TimeZone

    public init(queries: any CaseWorkQueries, cases: any CaseStore, timeZone: TimeZone) {
        self.queries = queries
        self.cases = cases
        self.timeZone = timeZone
    }

    /// A page of a queue; `hasMore` when another page follows.
    public struct Page: Sendable {
        public let rows: [QueueRow]
        public let hasMore: Bool
        /// The authority's business calendar, holidays included.
        public let calendar: BusinessCalendar
    }

    public func page(_ filter: QueueFilter) async throws -> Page {
        async let queue = queries.queue(filter)
        async let rules = cases.deadlineRules(timeZone: timeZone)
        let (rows, hasMore) = try await queue
        return Page(rows: rows, hasMore: hasMore, calendar: try await rules.calendar)
    }

    /// Paper appeals whose postmark awaits a supervisor's confirmation, oldest postmark first.
    public func postmarksToConfirm(limit: Int) async throws -> [PostmarkToConfirm] {
        try await queries.postmarksToConfirm(limit: limit)
    }
}
