import AppealsDomain
import Foundation
import Metrics

/// The deadline sweeper: fires every due warning and breach exactly once.
///
/// warning → the assignee (or the supervisors) are told; acknowledgement or first-review breach → the case is
/// escalated to the supervisor queue with a priority bump; statutory decision breach → the case is deemed
/// accepted, the ticket cancelled and a letter queued; information-request breach → review resumes. Then a decided
/// case whose hearing window has passed (counted from its decision letter's deemed service) is closed.
/// Exactly once comes from the store: a firing is a row with a unique key, recorded in the same transaction as
/// its effects, so a repeat, a restart or a second sweeper finds it and does nothing.
public struct SweepDeadlines: Sendable {
    public let store: any CaseStore
    public let clock: any WallClock
    public let workflow: Workflow
    public let timeZone: TimeZone
    public let batchSize: Int
    public let sweeperName: String

    public init(
        store: any CaseStore, clock: any WallClock, workflow: Workflow = Workflow(), timeZone: TimeZone,
        batchSize: Int = 1_000, sweeperName: String
    ) {
        self.store = store
        self.clock = clock
        self.workflow = workflow
        self.timeZone = timeZone
        self.batchSize = batchSize
        self.sweeperName = sweeperName
    }

    /// Sweeps until nothing is due; returns how many warnings and breaches this run fired.
    ///
    /// On PostgreSQL two batches run at once (each claims other cases), so that this process prepares one
    /// batch while the server writes the other.
    @discardableResult
    public func run() async throws -> Int {
        let started = ContinuousClock.now
        defer { Timer(label: "appeals_sweep_duration_seconds").record(duration: ContinuousClock.now - started) }
        let rules = try await store.deadlineRules(timeZone: timeZone)
        let store = self.store, workflow = self.workflow, batchSize = self.batchSize, name = sweeperName, clock = self.clock
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<max(1, store.sweepConcurrency) {
                group.addTask {
                    var total = 0
                    while true {
                        let now = clock.now()
                        let batch = try await store.sweep(now: now, limit: batchSize, sweeper: name) { cases, firings in
                            try Self.decide(cases: cases, firings: firings, rules: rules, workflow: workflow, now: now)
                        }
                        total += batch.fired
                        Counter(label: "appeals_deadline_warnings_total").increment(by: batch.fired - batch.breaches)
                        Counter(label: "appeals_deadline_breaches_total").increment(by: batch.breaches)
                        if batch.claimed == 0 { return total }
                    }
                }
            }
            let fired = try await group.reduce(0, +)
            // Last, the decided cases whose hearing window has passed close.
            try await CaseEngine(store: store, clock: clock, workflow: workflow, timeZone: timeZone).closeDue()
            return fired
        }
    }

    /// Turns newly recorded firings into the changes they cause (public for tests that simulate a crash mid-sweep).
    public static func decide(
        cases: [LoadedCase], firings: [DeadlineFiring], rules: DeadlineRules, workflow: Workflow, now: Date
    ) throws -> [CaseChange] {
        let byCase = Dictionary(grouping: firings, by: \.reference)
        return try cases.compactMap { loaded -> CaseChange? in
            guard let due = byCase[loaded.record.reference] else { return nil }
            var builder = CaseChangeBuilder(loaded: loaded, rules: rules)
            for firing in due.sorted(by: { ($0.at, $0.level == .warning ? 0 : 1) < ($1.at, $1.level == .warning ? 0 : 1) }) {
                switch firing.level {
                case .warning:
                    builder.warn(firing, at: now)
                case .breach:
                    let event: CaseEvent =
                        switch firing.kind {
                        case .acknowledgement, .firstReview: .escalate(firing.kind)
                        case .decision: .deemAccept
                        case .informationResponse: .informationTimedOut
                        }
                    do {
                        let transition = try workflow.apply(event, to: builder.current, by: .system, at: now, statutoryDue: firing.at)
                        builder.record(
                            transition, requestID: nil, reason: RecordWords.deadlinePassed.inEnglish(["deadline": firing.kind.rawValue]))
                    } catch let error as WorkflowError {
                        // The case moved on since the deadline was computed (decided a moment ago, say): the firing
                        // is still recorded, so it is not retried, and there is nothing left to do.
                        _ = error
                    }
                }
            }
            return builder.build()
        }
    }
}
