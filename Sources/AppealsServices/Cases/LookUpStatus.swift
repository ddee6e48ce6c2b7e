import AppealsDomain
import Foundation

/// Status by case reference + plate, for the citizen's status page and the phone script. Each successful look-up
/// counts towards the case's one "checked the status online" timeline entry of the day.
public struct LookUpStatus: Sendable {
    public let source: any CaseStatusSource
    public let clock: any WallClock
    public let workflow: Workflow
    /// Where each look-up is recorded: straight to the store, or batched by a ``TimelineRecorder``.
    public let timeline: any TimelineSink
    public let rules: DeadlineRulesCache

    public init(
        source: any CaseStatusSource, clock: any WallClock, workflow: Workflow = Workflow(), timeline: any TimelineSink,
        rules: DeadlineRulesCache
    ) {
        self.source = source
        self.clock = clock
        self.workflow = workflow
        self.timeline = timeline
        self.rules = rules
    }

    /// - Parameter files: whether the status includes the citizen's files and the awaited question.
    public func callAsFunction(reference rawReference: String, plate rawPlate: String, channel: Channel, files: Bool = true) async throws
        -> CaseStatus
    {
        guard let reference = CaseReference(rawReference) else { throw StatusLookUpProblem.invalidReference }
        guard let plate = PlateNumber(rawPlate) else { throw StatusLookUpProblem.invalidPlate }
        guard let facts = try await source.statusFacts(reference, files: files), facts.ticket.plate.number == plate else {
            throw StatusLookUpProblem.noMatch
        }
        let rules = try await rules.current()
        let now = clock.now()
        try await timeline.statusChecked(reference, day: rules.calendar.localDate(now), at: now, channel: channel)
        return status(facts, rules: rules)
    }

    /// Counts a look-up of a case found another way (the status API's caller-ID listing).
    public func countLookUp(_ reference: CaseReference, channel: Channel) async throws {
        let now = clock.now()
        try await timeline.statusChecked(reference, day: try await rules.current().calendar.localDate(now), at: now, channel: channel)
    }

    /// The status as the citizen sees it, for staff reading it to a caller (records nothing on the timeline).
    public func status(of reference: CaseReference) async throws -> CaseStatus? {
        guard let facts = try await source.statusFacts(reference) else { return nil }
        return status(facts, rules: try await rules.current())
    }

    public func status(_ facts: CaseStatusFacts, rules: DeadlineRules) -> CaseStatus {
        let loaded = facts.loaded
        let deadlines = DeadlineSchedule.compute(
            for: loaded.record, history: loaded.history, policies: rules.policies, calendar: rules.calendar
        )
        func due(_ kind: DeadlineKind) -> LocalDate? {
            guard let deadline = deadlines.first(where: { $0.kind == kind }), case .running = deadline.status else { return nil }
            return deadline.explanation.due
        }
        let record = loaded.record
        // An upheld decision may be taken to a hearing until its window closes; before its letter is served the
        // window has not started (open, with no end yet).
        let hearingEnd = record.decision.flatMap(workflow.hearingWindowEnd)
        let hearingOpen =
            record.state == .decided && record.decision?.outcome == .upheld && (hearingEnd.map { $0 > clock.now() } ?? true)
        return CaseStatus(
            reference: record.reference, state: record.state, ticket: facts.ticket, receivedAt: record.receivedAt, late: record.late,
            decision: record.state.isUndecided ? nil : record.decision,
            decisionDue: record.state.isUndecided ? due(.decision) : nil,
            answerDue: record.state == .awaitingCitizen ? due(.informationResponse) : nil,
            hearingWindowEnds: hearingOpen ? hearingEnd : nil, hearingOpen: hearingOpen,
            events: loaded.history
                .filter { Self.publicEvents.contains($0.event) || ($0.event == .decide && $0.to == .decided) }
                .map { CaseStatus.PublicEvent(at: $0.at, kind: $0.event) },
            evidence: facts.evidence, question: facts.question
        )
    }

    /// Whether this reference and plate belong together (for the citizen's own files; records nothing).
    public func matches(reference rawReference: String, plate rawPlate: String) async throws -> Bool {
        guard let reference = CaseReference(rawReference), let plate = PlateNumber(rawPlate),
            let facts = try await source.statusFacts(reference)
        else { return false }
        return facts.ticket.plate.number == plate
    }

    /// The history a citizen sees: what happened to their appeal, not who worked it or how it was routed (and a
    /// decision only once it takes effect).
    public static let publicEvents: Set<CaseEventKind> = [
        .file, .acknowledge, .startReview, .requestInformation, .citizenResponded, .informationTimedOut, .approveDecision,
        .withdraw, .requestHearing, .close, .deemAccept,
    ]
}
