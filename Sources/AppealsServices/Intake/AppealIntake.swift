import AppealsDomain
import Foundation

/// One intake for every way an appeal arrives (the citizen's web journey, an agent with a caller, a clerk with a
/// letter, and the coming e-mail intake): drafts kept under a token, the ticket matched by number and plate, the
/// late rule, and filing exactly once under the reference the draft's token derives.
public struct AppealIntake: Sendable {
    let drafts: any DraftStore & OpenAppealFinder
    let tickets: any TicketRepository
    let evidence: any EvidenceStore
    public let fileAppeal: FileAppeal
    let clock: any WallClock
    let random: any RandomSource
    /// The authority's country calling code, for mobile numbers typed without one.
    public let callingCode: String

    public init(
        drafts: any DraftStore & OpenAppealFinder, tickets: any TicketRepository, evidence: any EvidenceStore, fileAppeal: FileAppeal,
        clock: any WallClock, random: any RandomSource, callingCode: String
    ) {
        self.drafts = drafts
        self.tickets = tickets
        self.evidence = evidence
        self.fileAppeal = fileAppeal
        self.clock = clock
        self.random = random
        self.callingCode = callingCode
    }

    public var timeZone: TimeZone { fileAppeal.timeZone }
    public var appealWindowDays: Int { fileAppeal.appealWindowDays }

    /// A draft is kept this long after its last change.
    public static let draftLifetime: TimeInterval = 86_400

    // MARK: - Drafts

    public func newToken() -> DraftToken { DraftToken(drawingFrom: random) }

    /// The draft kept under `token`, if there is one and it still reads as a `Draft`.
    public func draft<Draft: Decodable>(_ type: Draft.Type, token: DraftToken) async throws -> Draft? {
        guard let data = try await drafts.loadDraft(token: token.value, now: clock.now()) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: data)
    }

    public func save<Draft: Encodable>(_ draft: Draft, token: DraftToken) async throws {
        let now = clock.now()
        try await drafts.saveDraft(
            token: token.value, data: try JSONEncoder().encode(draft), now: now, expires: now.addingTimeInterval(Self.draftLifetime))
    }

    /// Forgets a draft and everything typed in it.
    public func discard(token: DraftToken) async throws { try await drafts.deleteDraft(token: token.value) }

    /// The files sent with a draft so far.
    public func files(of token: DraftToken) async throws -> [EvidenceRecord] { try await evidence.evidence(forDraft: token.key) }

    // MARK: - Matching

    /// The ticket a number and a plate name, as typed, or what is wrong with them; `receivedAt` (now if nil) decides
    /// whether the appeal is late.
    public func match(ticket ticketInput: String, plate plateInput: String, receivedAt: Date? = nil) async throws -> TicketMatch {
        var match = TicketMatch(ticket: ticketInput, plate: plateInput)
        guard let number = TicketNumber(ticketInput), let plate = PlateNumber(plateInput) else { return match }
        guard let ticket = try await tickets.ticket(number), ticket.plate.number == plate else {
            match.noMatch = true
            return match
        }
        guard try await drafts.openCase(forTicket: number) == nil else {
            match.alreadyAppealed = true
            return match
        }
        match.ticket = ticket
        match.late = ticket.isLate(appealReceivedAt: receivedAt ?? clock.now(), windowDays: appealWindowDays)
        return match
    }

    /// A ticket already matched to a draft.
    public func ticket(_ number: String?) async throws -> Ticket? {
        guard let number = number.flatMap(TicketNumber.init) else { return nil }
        return try await tickets.ticket(number)
    }

    // MARK: - Filing

    /// Files a draft's appeal, with the draft's files, under the reference its token derives: a second submit of
    /// the same draft finds the case the first filed. A case that already has the derived reference but another
    /// ticket is a clash (likely enough at a million cases): the next derivation is tried, so a clash never loses an
    /// appeal or joins it to someone else's case.
    public func file(
        _ token: DraftToken, ticket number: TicketNumber, grounds: [Ground], details: AppealDetails, channel: Channel,
        by actor: Actor, requestID: String?, receivedAt: Date? = nil
    ) async throws -> CaseReference {
        let fileIDs = try await files(of: token).map(\.id)
        for attempt in 0..<Self.referenceAttempts {
            let reference = token.reference(attempt: attempt)
            if let existing = try await fileAppeal.cases.load(reference) {
                if existing.record.ticketNumber == number { return reference }  // this draft's, sent twice
                continue
            }
            do {
                _ = try await fileAppeal(
                    ticket: number, grounds: grounds, details: details, channel: channel, by: actor, requestID: requestID,
                    reference: reference, evidence: fileIDs, receivedAt: receivedAt)
                return reference
            } catch {
                // Two submits at once: the other one filed it; a case that appeared meanwhile with another ticket
                // is a clash like the one above; anything else is a real failure.
                guard let existing = try await fileAppeal.cases.load(reference) else { throw error }
                if existing.record.ticketNumber == number { return reference }
            }
        }
        throw ReferenceClash()
    }

    static let referenceAttempts = 8

    /// Every derived reference was taken by other appeals (never seen: each try is a fresh 40-bit reference).
    public struct ReferenceClash: Error {}

    /// The dates a filed appeal was promised: its acknowledgement and its decision (nil: not filed).
    public func promises(of reference: CaseReference) async throws -> (acknowledgement: LocalDate?, decision: LocalDate?)? {
        guard let loaded = try await fileAppeal.cases.load(reference) else { return nil }
        let rules = try await fileAppeal.cases.deadlineRules(timeZone: timeZone)
        let deadlines = DeadlineSchedule.compute(
            for: loaded.record, history: loaded.history, policies: rules.policies, calendar: rules.calendar)
        func due(_ kind: DeadlineKind) -> LocalDate? { deadlines.first { $0.kind == kind }?.explanation.due }
        return (due(.acknowledgement), due(.decision))
    }
}
