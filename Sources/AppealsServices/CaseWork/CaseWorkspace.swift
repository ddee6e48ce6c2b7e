import AppealsDomain
import Foundation

/// The staff case page's one read: the case (if the viewer may see it) and every fact its panels show, read
/// together, the independent reads at once. The page itself is built from ``Facts`` without further reads.
public struct CaseWorkspace: Sendable {
    let cases: any CaseStore
    let queries: any CaseWorkQueries
    let evidence: any EvidenceStore
    let letters: any LetterStore
    let notifications: any NotificationStore
    let hearings: any HearingStore
    /// The citizen's view of the case, for the script staff read to a caller.
    let status: LookUpStatus
    let access: CaseAccess
    let clock: any WallClock
    let timeZone: TimeZone
    /// The citizen's messages (e-mail, texts) shown on the case page and marked read there.
    public var inbox: (any InboxStore)?
    /// Clears a case's "message waiting" when someone who works it opens it.
    public var engine: CaseEngine?

    public init(
        cases: any CaseStore, queries: any CaseWorkQueries, evidence: any EvidenceStore, letters: any LetterStore,
        notifications: any NotificationStore, hearings: any HearingStore, status: LookUpStatus, access: CaseAccess,
        clock: any WallClock, timeZone: TimeZone
    ) {
        self.cases = cases
        self.queries = queries
        self.evidence = evidence
        self.letters = letters
        self.notifications = notifications
        self.hearings = hearings
        self.status = status
        self.access = access
        self.clock = clock
        self.timeZone = timeZone
    }

    /// How many of the case's messages given up on the page lists.
    public static let failedMessagesShown = 20

    /// The case named, if this person may see it (``CaseAccess/mayView(_:_:)``): ``AppError/notFound`` when there is
    /// no such case, ``AppError/notPermitted`` when it is not theirs to see.
    public func visibleCase(_ reference: CaseReference?, to viewer: StaffAccount) async throws -> LoadedCase {
        guard let reference, let loaded = try await cases.load(reference) else { throw AppError.notFound }
        guard access.mayView(loaded.record, viewer) else { throw AppError.notPermitted }
        return loaded
    }

    /// The case as it is now, after someone else changed it (or as it was, if it has gone).
    public func reloaded(_ loaded: LoadedCase) async throws -> LoadedCase {
        try await cases.load(loaded.record.reference) ?? loaded
    }

    /// The ticket, the appeal and the timeline (for the pages that confirm an action).
    public func file(of reference: CaseReference) async throws -> CaseFile {
        guard let file = try await queries.caseFile(reference) else { throw AppError.notFound }
        return file
    }

    /// The authority's business calendar, holidays included, read fresh.
    public func calendar() async throws -> BusinessCalendar {
        try await cases.deadlineRules(timeZone: timeZone).calendar
    }

    /// Everything the case page shows about a case this person may see.
    public func facts(_ loaded: LoadedCase, for viewer: StaffAccount) async throws -> Facts {
        var loaded = loaded
        let reference = loaded.record.reference
        var messages: [InboundMessage]?
        // Opened by someone who works the case (not an auditor, who only reads): its messages are no longer new
        // (this page still flags those that were), and its priority falls back. The case is read again after.
        if loaded.record.messageWaiting, let inbox, let engine, !viewer.roles.isDisjoint(with: CaseAccess.noteTakers) {
            messages = try await inbox.messages(of: reference, limit: Self.messagesShown)
            try await inbox.markRead(of: reference, by: viewer.id, at: clock.now())
            try await engine.setMessageWaiting(false, on: reference)
            loaded = try await reloaded(loaded)
        }
        let now = clock.now()
        let supervises = viewer.roles.contains(.supervisor)
        let awaitsHearing = loaded.record.state == .hearingRequested
        async let file = queries.caseFile(reference)
        async let currentRules = cases.deadlineRules(timeZone: timeZone)
        async let files = evidence.evidence(forCase: reference)
        async let team = supervises ? queries.teamLoad(now: now) : []
        async let script = status.status(of: reference)
        async let letterRecords = letters.letters(of: reference)
        async let failed = notifications.failedMessages(of: reference, limit: Self.failedMessagesShown)
        async let hearing = awaitsHearing ? hearings.hearing(of: reference) : nil
        guard let file = try await file else { throw AppError.notFound }
        let rules = try await currentRules
        var facts = Facts(
            loaded: loaded, file: file,
            deadlines: DeadlineSchedule.compute(
                for: loaded.record, history: loaded.history, policies: rules.policies, calendar: rules.calendar),
            calendar: rules.calendar, evidence: try await files, team: try await team, status: try await script,
            letters: try await letterRecords, failedMessages: try await failed, hearing: try await hearing, now: now)
        if let inbox {
            if messages == nil { messages = try await inbox.messages(of: reference, limit: Self.messagesShown) }
            facts.messages = messages ?? []
            facts.unread = Set(facts.messages.filter { $0.readAt == nil }.map(\.id))
        }
        return facts
    }

    /// How many of the citizen's messages the case page shows.
    public static let messagesShown = 20
}
