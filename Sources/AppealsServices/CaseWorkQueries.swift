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
}

public struct ReviewerWorkload: Sendable, Equatable {
    public let id: StaffID
    public let name: String
    public let inHand: Int
    public let overdue: Int

    public init(id: StaffID, name: String, inHand: Int, overdue: Int) {
        self.id = id
        self.name = name
        self.inHand = inHand
        self.overdue = overdue
    }
}

public struct QueueFilter: Sendable, Equatable {
    public enum View: String, Sendable { case mine, team, approvals }
    public var view: View
    public var staff: StaffID
    public var state: CaseState?
    public var ground: Ground?
    public var overdueOnly = false
    public var now: Date
    /// 1 up to `maxPage` (kept in range, so that the offset cannot overflow).
    public var page = 1 { didSet { page = min(max(page, 1), Self.maxPage) } }
    public static let pageSize = 25
    public static let maxPage = 10_000

    public init(view: View, staff: StaffID, now: Date) {
        self.view = view
        self.staff = staff
        self.now = now
    }
}

public struct QueueRow: Sendable, Equatable {
    public let reference: CaseReference
    public let ticketNumber: TicketNumber
    public let plate: String
    public let grounds: [Ground]
    public let state: CaseState
    public let late: Bool
    public let towed: Bool
    public let vulnerable: Bool
    public let repeatContact: Bool
    public let escalated: Bool
    public let assignee: StaffID?
    /// The earliest running deadline, if any.
    public let nextDueAt: Date?

    public init(
        reference: CaseReference, ticketNumber: TicketNumber, plate: String, grounds: [Ground], state: CaseState, late: Bool,
        towed: Bool, vulnerable: Bool, repeatContact: Bool, escalated: Bool, assignee: StaffID?, nextDueAt: Date?
    ) {
        self.reference = reference
        self.ticketNumber = ticketNumber
        self.plate = plate
        self.grounds = grounds
        self.state = state
        self.late = late
        self.towed = towed
        self.vulnerable = vulnerable
        self.repeatContact = repeatContact
        self.escalated = escalated
        self.assignee = assignee
        self.nextDueAt = nextDueAt
    }
}

/// The case page's facts besides the case record: the ticket, what the citizen wrote, the one timeline of every
/// channel, and the plate's other appeals.
public struct CaseFile: Sendable {
    public let ticket: Ticket
    public let appeal: AppealDetails?
    public let timeline: [TimelineEntry]
    public let otherCases: [(reference: CaseReference, state: CaseState)]

    public init(
        ticket: Ticket, appeal: AppealDetails?, timeline: [TimelineEntry], otherCases: [(reference: CaseReference, state: CaseState)]
    ) {
        self.ticket = ticket
        self.appeal = appeal
        self.timeline = timeline
        self.otherCases = otherCases
    }
}

/// One line of the case's timeline: a workflow event (from the audit trail) or an interaction on any channel.
public struct TimelineEntry: Sendable, Equatable {
    public let at: Date
    public let channel: String
    public let actor: String
    public let kind: String
    public let summary: String?
    public let isPublic: Bool
    /// How many times it happened (status checks are counted per day, not listed one by one).
    public let count: Int

    public init(at: Date, channel: String, actor: String, kind: String, summary: String?, isPublic: Bool, count: Int = 1) {
        self.at = at
        self.channel = channel
        self.actor = actor
        self.kind = kind
        self.summary = summary
        self.isPublic = isPublic
        self.count = count
    }
}
