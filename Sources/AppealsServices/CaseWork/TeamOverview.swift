import AppealsDomain
import Foundation

/// The supervisors' view of the team: everyone's load, the cases past or near a deadline, and the letters and
/// messages that did not reach a citizen (who may then not know where their case stands).
public struct TeamOverview: Sendable {
    let queries: any CaseWorkQueries
    let cases: any CaseStore
    let letters: any LetterStore
    let notifications: any NotificationStore
    let clock: any WallClock
    let timeZone: TimeZone

    public init(
        queries: any CaseWorkQueries, cases: any CaseStore, letters: any LetterStore, notifications: any NotificationStore,
        clock: any WallClock, timeZone: TimeZone
    ) {
        self.queries = queries
        self.cases = cases
        self.letters = letters
        self.notifications = notifications
        self.clock = clock
        self.timeZone = timeZone
    }

    /// How many cases of each alert list, and of each kind of undelivered post, are shown.
    public static let listed = 50

    /// What the team page shows, as facts, all as of `now`.
    public struct Facts: Sendable {
        public let now: Date
        public let load: [ReviewerWorkload]
        public let breached: [QueueRow]
        public let warning: [QueueRow]
        /// Letters that could not be produced or came back, newest first.
        public let letters: [LetterRecord]
        /// Messages given up on, newest first.
        public let failedMessages: [OutboxMessage]
        /// The authority's business calendar, holidays included.
        public let calendar: BusinessCalendar
    }

    public func callAsFunction() async throws -> Facts {
        let now = clock.now()
        async let load = queries.teamLoad(now: now)
        async let alerts = queries.deadlineAlerts(now: now, limit: Self.listed)
        async let rules = cases.deadlineRules(timeZone: timeZone)
        async let undelivered = letters.letters(in: [.failed, .returned], limit: Self.listed)
        async let failed = notifications.failedMessages(of: nil, limit: Self.listed)
        let (breached, warning) = try await alerts
        return Facts(
            now: now, load: try await load, breached: breached, warning: warning, letters: try await undelivered,
            failedMessages: try await failed, calendar: try await rules.calendar)
    }

    /// Whether cases can be given to this person: an active reviewer.
    public func takesCases(_ staff: StaffID) async throws -> Bool {
        try await queries.teamLoad(now: clock.now()).contains { $0.id == staff }
    }
}
