import AppealsDomain
import Foundation

/// Turns queued letters into stored PDFs: each letter's facts read from its case, laid out by the
/// ``LetterComposer``, the PDF stored durably, then the row moved from queued to ready with the file, its SHA-256,
/// pages and template version. Several instances may run it: the store records each letter once, and the
/// loser's file is deleted. A letter that cannot be produced (no postal address) is marked failed with the reason,
/// which the case page and the supervisors' warnings show.
public struct ProduceLetters: Sendable {
    let store: any LetterStore
    let cases: any CaseStatusSource
    let contacts: any CaseContacts
    let hearings: any HearingStore
    let lookUp: LookUpStatus
    let composer: any LetterComposer
    let storage: any EvidenceStorage
    let clock: any WallClock
    let authority: Authority

    public init(
        store: any LetterStore, cases: any CaseStatusSource, contacts: any CaseContacts, hearings: any HearingStore, lookUp: LookUpStatus,
        composer: any LetterComposer, storage: any EvidenceStorage, clock: any WallClock, authority: Authority
    ) {
        self.store = store
        self.cases = cases
        self.contacts = contacts
        self.hearings = hearings
        self.lookUp = lookUp
        self.composer = composer
        self.storage = storage
        self.clock = clock
        self.authority = authority
    }

    /// Produces up to `limit` queued letters; how many were produced.
    @discardableResult
    public func run(limit: Int = 200) async throws -> Int {
        var produced = 0
        for letter in try await store.queuedLetters(limit: limit) {
            guard let facts = try await facts(letter.kind, of: letter.reference, as: letter.snapshot) else {
                try await store.recordUnproduced(letter.id, status: .failed, problem: RecordWords.letterNoAddress.english)
                continue
            }
            guard facts.contact.address != nil else {
                try await store.recordUnproduced(
                    letter.id, status: .failed,
                    problem: RecordWords.letterAddressIncomplete.english)
                continue
            }
            if letter.kind == .acknowledgement, facts.status.events.contains(where: { $0.kind == .acknowledge }) {
                try await store.recordUnproduced(letter.id, status: .cancelled, problem: RecordWords.letterAcknowledgedAlready.english)
                continue
            }
            let composed: ComposedLetter
            do {
                composed = try composer.compose(facts)
            } catch let problem as LetterLayoutProblem {
                try await store.recordUnproduced(letter.id, status: .failed, problem: problem.description)
                continue
            }
            let file = try await storage.store(composed.pdf)
            if try await store.recordProduced(letter.id, file: file, letter: composed, at: clock.now()) {
                produced += 1
            } else {
                try? storage.delete(file.key)
            }
        }
        return produced
    }

    /// What a letter of `kind` about the case says today, of the event `snapshot` took; nil when the case or its postal
    /// address is missing.
    public func facts(_ kind: LetterKind, of reference: CaseReference, as snapshot: LetterSnapshot? = nil) async throws -> LetterFacts? {
        guard let caseFacts = try await cases.statusFacts(reference, files: kind == .requestForInformation),
            let contact = try await contacts.contact(of: reference),
            !contact.postalAddress.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return nil }
        let rules = try await lookUp.rules.current()
        let current = lookUp.status(caseFacts, rules: rules)
        let status = snapshot?.applied(to: current) ?? current
        let hearing = kind == .hearingNotice ? try await hearings.hearing(of: reference) : nil
        var facts = facts(
            kind, status: status, contact: contact, grounds: caseFacts.loaded.record.grounds, calendar: rules.calendar, hearing: hearing)
        facts.message = snapshot?.message
        return facts
    }

    /// The decision letter a draft would give, laid out as it would be printed today: what the reviewer checks
    /// before confirming. Nil when the case or its postal address is missing.
    public func preview(_ draft: DecisionDraft, of reference: CaseReference, by decider: StaffID, workflow: Workflow = Workflow())
        async throws -> ComposedLetter?
    {
        guard let caseFacts = try await cases.statusFacts(reference, files: false), let contact = try await contacts.contact(of: reference)
        else { return nil }
        let rules = try await lookUp.rules.current()
        let record = caseFacts.loaded.record
        let current = lookUp.status(caseFacts, rules: rules)
        let decision = try workflow.decision(from: draft, case: record, decidedBy: decider, approvedBy: nil, at: clock.now())
        let status = CaseStatus(
            reference: record.reference, state: .decided, ticket: current.ticket, receivedAt: record.receivedAt, late: record.late,
            decision: decision, decisionDue: nil, answerDue: nil,
            hearingWindowEnds: nil, hearingOpen: decision.outcome == .upheld, events: current.events, evidence: [], question: nil)
        return try composer.compose(facts(.decision, status: status, contact: contact, grounds: record.grounds, calendar: rules.calendar))
    }

    /// The letter's facts for a status (also a decision not yet taken, for the reviewer's preview).
    public func facts(
        _ kind: LetterKind, status: CaseStatus, contact: AppealDetails, grounds: [Ground], calendar: BusinessCalendar,
        hearing: Hearing? = nil
    ) -> LetterFacts {
        let today = calendar.localDate(clock.now())
        let status = status.answerDue(notBefore: today)
        var payBy: LocalDate?
        var discount: (until: LocalDate, amountCents: Int)?
        if kind == .decision, let decision = status.decision, decision.amountDueCents > 0 {
            payBy = today.adding(days: authority.paymentDays)
            let discountEnds = calendar.localDate(status.ticket.issuedAt).adding(days: authority.discountDays)
            // The offer runs from the letter's own date: a letter produced or printed late never offers a day already past.
            if decision.outcome == .upheld, calendar.localDate(status.receivedAt) < discountEnds {
                discount = (
                    today.adding(days: authority.discountReofferDays),
                    decision.amountDueCents * (100 - authority.discountPercent) / 100
                )
            }
        }
        return LetterFacts(
            kind: kind, status: status, contact: contact, grounds: grounds, date: today, answerDue: status.answerDue,
            discount: discount, hearingUntil: status.hearingWindowEnds.map(calendar.localDate), payBy: payBy, hearing: hearing)
    }
}
