import AppealsDomain
import Foundation
import Metrics

/// Files an appeal on any channel: creates the case with its first audit event, timeline entry and deadlines,
/// and puts it with the best-placed reviewer (or the team queue), all in one transaction.
public struct FileAppeal: Sendable {
    public let cases: any CaseStore
    public let tickets: any TicketRepository
    public let clock: any WallClock
    /// Draws the reference of a case filed without one.
    public let random: any RandomSource
    public let workflow: Workflow
    public let timeZone: TimeZone
    /// Appeals after this many days from the ticket's issue are accepted but flagged late.
    public let appealWindowDays: Int
    /// A postmark more than this many days before the day of entry needs a supervisor to confirm it.
    public let postmarkReviewDays: Int

    public init(
        cases: any CaseStore, tickets: any TicketRepository, clock: any WallClock, random: any RandomSource = SystemRandomSource(),
        workflow: Workflow = Workflow(), timeZone: TimeZone, appealWindowDays: Int = 30, postmarkReviewDays: Int = 5
    ) {
        self.postmarkReviewDays = postmarkReviewDays
        self.cases = cases
        self.tickets = tickets
        self.clock = clock
        self.random = random
        self.workflow = workflow
        self.timeZone = timeZone
        self.appealWindowDays = appealWindowDays
    }

    /// - Parameter receivedAt: when an appeal by post was posted, if earlier than now (never later).
    public func callAsFunction(
        ticket number: TicketNumber, grounds: [Ground], details: AppealDetails, channel: Channel, by actor: Actor,
        requestID: String? = nil, reference: CaseReference? = nil,
        evidence: [EvidenceID] = [], receivedAt: Date? = nil
    ) async throws -> CaseChange {
        guard let ticket = try await tickets.ticket(number) else { throw AppError.notFound }
        // An appeal counts from when it reached us; for a letter, from its posting when that was earlier.
        let entered = clock.now()
        let now = min(receivedAt ?? entered, entered)
        // A postmark long before the day of entry waits for a supervisor; the deadlines count from entry till then.
        let calendar = BusinessCalendar(timeZone: timeZone)
        let postmarkToConfirm = calendar.localDate(now).days(until: calendar.localDate(entered)) > postmarkReviewDays
        var newCase = Case(
            reference: reference ?? CaseReference(randomBits: random.next()), ticketNumber: ticket.number,
            ticketAmountCents: ticket.amountCents, towed: ticket.towed,
            grounds: grounds, receivedAt: now,
            late: ticket.isLate(appealReceivedAt: now, windowDays: appealWindowDays), enteredAt: entered,
            postmarkEnteredBy: postmarkToConfirm ? actor.staffID ?? StaffID("unknown") : nil
        )
        let skills = Routing.skillsNeeded(grounds: grounds, language: details.language)
        newCase.assignee = Routing.assignee(needing: skills, among: try await cases.reviewerLoads())
        let rules = try await cases.deadlineRules(timeZone: timeZone)
        var change = try Self.change(
            filing: newCase, details: details, channel: channel, by: actor, rules: rules,
            workflow: workflow, requestID: requestID)
        change.evidence = evidence
        try await cases.commit(change)
        Counter(label: "appeals_appeals_filed_total", dimensions: [("channel", channel.rawValue)]).increment()
        return change
    }

    /// The change that files `newCase`: what `callAsFunction` commits, and what bulk loaders (demo data,
    /// benchmarks) write many of at once.
    public static func change(
        filing newCase: Case, details: AppealDetails, channel: Channel, by actor: Actor, rules: DeadlineRules,
        workflow: Workflow = Workflow(), requestID: String? = nil
    ) throws -> CaseChange {
        let transition = try workflow.file(newCase, by: actor)
        var change = CaseChangeBuilder(filing: transition, rules: rules, requestID: requestID, channel: channel).build()
        change.filing = details
        // The acknowledgement every appeal is promised, queued with the filing: a letter, or a message for the sender.
        switch details.acknowledgementChannel {
        case .letter: change.letters.append(.acknowledgement)
        case .email, .sms: change.notifications.append(QueuedNotification(recipient: .citizen, kind: .acknowledgement))
        }
        return change
    }
}
