import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

@Suite("The sweeper fires every warning and breach exactly once")
struct SweeperTests {
    @Test(arguments: TestDatabase.engines)
    func aBreachFiresOnceHoweverOftenTheSweeperRuns(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            world.clock.set(instant("2026-03-06T12:00:00-05:00"))  // acknowledgement due Thu 5 March, 18:00
            #expect(try await world.sweeper().run() == 2)  // its warning and its breach
            #expect(try await world.sweeper().run() == 0)
            #expect(try await world.sweeper("another").run() == 0)
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.escalated)
            #expect(loaded.record.queue == .supervisor)
            #expect(loaded.record.version == 2)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM deadline_firings") == 2)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'escalate'") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'deadline_breached'") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM case_deadlines WHERE next_fire_at <= '2026-03-06T17:00:00Z'") == 0)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func passingTheStatutoryDeadlineDeemsTheCaseAccepted(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.acknowledge, to: reference, by: .system)
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            world.clock.set(instant("2026-04-29T00:00:01-04:00"))  // decision due by the end of 28 April
            #expect(try await world.sweeper().run() == 2)
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.state == .deemedAccepted)
            #expect(loaded.record.decision?.outcome == .cancelled)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM letters WHERE kind = 'deemed_acceptance'") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM case_deadlines WHERE next_fire_at IS NOT NULL") == 0)
            #expect(try await world.sweeper().run() == 0)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anUnansweredRequestForInformationReturnsTheCaseToReview(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.acknowledge, to: reference, by: .system)
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            try await world.engine.apply(.requestInformation, to: reference, by: reviewer)
            world.clock.set(instant("2026-03-18T09:00:00-04:00"))  // 14 days from 3 March end on the 17th
            #expect(try await world.sweeper().run() == 1)
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.state == .inReview)
            #expect(loaded.history.last?.event == .informationTimedOut)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDeadlineThatMovesAfterAPauseCanWarnAgain(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.acknowledge, to: reference, by: .system)
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            world.clock.set(instant("2026-04-24T09:00:00-04:00"))  // decision warning at 08:00 on 24 April
            #expect(try await world.sweeper().run() == 1)
            try await world.engine.apply(.requestInformation, to: reference, by: reviewer)
            world.clock.set(instant("2026-04-27T10:00:00-04:00"))
            try await world.engine.apply(.citizenResponded, to: reference, by: .citizen)
            // Paused 24–27 April: the decision is now due 1 May; its warning falls on 29 April.
            world.clock.set(instant("2026-04-29T09:00:00-04:00"))
            #expect(try await world.sweeper().run() == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM deadline_firings WHERE kind = 'decision' AND level = 'warning'") == 2)
            #expect(try await world.store.load(reference)?.record.state == .inReview)
        }
    }

    /// Two sweepers with their own connection pools, as two server instances would have, over one database.
    @Test(arguments: TestDatabase.engines)
    func twoSweepersInParallelFireEachOfTenThousandBreachesExactlyOnce(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            let count = 10_000
            try await seedCases(count, in: world)
            world.clock.set(instant("2026-03-06T12:00:00-05:00"))
            let second = try await AppDatabase.open(world.db.location, logger: TestDatabase.logger)
            let fired: Int
            do {
                fired = try await withThrowingTaskGroup(of: Int.self) { group in
                    group.addTask { try await world.sweeper("one").run() }
                    group.addTask { try await world.sweeper("two", on: second).run() }
                    return try await group.reduce(0, +)
                }
                await second.close()
            } catch {
                await second.close()
                throw error
            }
            #expect(fired == 2 * count)  // each case: the acknowledgement's warning and breach
            #expect(try await world.count("SELECT COUNT(*) AS n FROM deadline_firings WHERE level = 'breach'") == count)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'escalate'") == count)
            #expect(
                try await world.count(
                    "SELECT COUNT(*) AS n FROM cases WHERE escalated = \(engine == .postgres ? "TRUE" : "1") AND version = 2") == count)
            #expect(
                try await world.count(
                    "SELECT COUNT(*) AS n FROM (SELECT case_reference FROM audit_events WHERE event = 'escalate' GROUP BY case_reference HAVING COUNT(*) > 1) d"
                ) == 0)
            let verification = try await world.db.withConnection { try await AuditChain.verify(on: $0) }
            #expect(verification == .intact(events: 2 * count + count))  // filed, warned, escalated
        }
    }

    /// A sweeper that dies mid-run (here: its third batch fails) leaves each batch either wholly done or not at
    /// all; the next run finishes the work.
    @Test(arguments: TestDatabase.engines)
    func aSweeperKilledMidRunLeavesNothingHalfDone(engine: DatabaseEngine) async throws {
        struct Killed: Error {}
        try await CaseWorld.with(engine) { world in
            try await seedCases(300, in: world)
            world.clock.set(instant("2026-03-06T12:00:00-05:00"))
            let rules = try await world.store.deadlineRules(timeZone: world.zone)
            let batches = Counter()
            await #expect(throws: Killed.self) {
                while true {
                    let batch = try await world.store.sweep(now: world.clock.now(), limit: 50, sweeper: "doomed") { cases, firings in
                        if batches.increment() == 3 { throw Killed() }
                        return try SweepDeadlines.decide(
                            cases: cases, firings: firings, rules: rules, workflow: Workflow(), now: world.clock.now())
                    }
                    if batch.claimed == 0 { break }
                }
            }
            // Two whole batches of 50 cases were written, each case's warning and breach together; the third left nothing.
            let firedBefore = try await world.count("SELECT COUNT(*) AS n FROM deadline_firings")
            #expect(firedBefore == 200)
            let breaches = try await world.count("SELECT COUNT(*) AS n FROM deadline_firings WHERE level = 'breach'")
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'escalate'") == breaches)
            #expect(
                try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'deadline_warning'") == firedBefore - breaches)
            #expect(try await world.sweeper().run() == 600 - firedBefore)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'escalate'") == 300)
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.withLock {
                value += 1; return value
            }
        }
    }

    /// `count` cases filed on one ticket at the same moment, written in bulk.
    func seedCases(_ count: Int, in world: CaseWorld) async throws {
        try await world.importTickets(1)
        let rules = try await world.store.deadlineRules(timeZone: world.zone)
        let details = AppealDetails(statement: "s", contactName: "n", postalAddress: "a")
        let changes = try (0..<count).map { i in
            try FileAppeal.change(
                filing: Case(
                    reference: CaseReference(randomBits: UInt64(i) * 7_919 + 1), ticketNumber: TicketNumber("T0")!,
                    ticketAmountCents: 6_500, towed: false, grounds: [.other], receivedAt: CaseWorld.filed, late: false),
                details: details, channel: .web, by: .citizen, rules: rules
            )
        }
        for start in stride(from: 0, to: count, by: 2_000) {
            try await world.store.seed(Array(changes[start..<min(start + 2_000, count)]))
        }
    }
}
