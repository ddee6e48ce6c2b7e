import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import Testing

@testable import AppealsStore

/// What the enforcement system is told: penalties held while an appeal is open, then the outcome, exported once.
@Suite("The enforcement feed")
struct EnforcementFeedTests {
    /// Collects what an export writes.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        private(set) var finished = false
        func write(_ part: String) { lock.withLock { text += part } }
        func finish() { lock.withLock { finished = true } }
        var lines: [String] { lock.withLock { text.split(separator: "\r\n").map(String.init) } }
    }

    /// One source of export ids for a whole test, seeded.
    static let random = SeededRandomSource(seed: 7)

    static func export(_ world: CaseWorld, since: Date? = nil, failing: Bool = false) async throws -> Output {
        let output = Output()
        let export = ExportEnforcement(
            feed: SQLEnforcementFeed(database: world.db), calendar: BusinessCalendar(timeZone: world.zone), clock: world.clock,
            random: random)
        _ = try await export.run(
            since: since, fileName: nil, write: { output.write($0) },
            finish: {
                if failing { throw CancellationError() }
                output.finish()
            })
        return output
    }

    @Test(arguments: TestDatabase.engines)
    func aReducedAppealIsExportedAsItsHoldThenItsNewAmountOnceAndTheNextExportIsEmpty(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            world.clock.advance(days: 1)
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            try await world.engine.apply(
                .decide(DecisionDraft(outcome: .reduced, reducedAmountCents: 3_000, reasonCode: .mitigatingCircumstances)),
                to: reference, by: reviewer)

            let first = try await Self.export(world)
            #expect(first.finished)
            #expect(first.lines.first == ExportEnforcement.header)
            let rows = first.lines.dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
            }
            #expect(
                rows == [
                    "T0,\(reference.value),hold,2026-03-03,,,,2026-03-03T15:00:00Z",
                    "T0,\(reference.value),outcome,2026-03-03,2026-03-04,reduced,30.00,2026-03-04T15:00:00Z",
                ])
            let second = try await Self.export(world)
            #expect(second.lines == [ExportEnforcement.header], "nothing new since the last export")

            let again = try await Self.export(world, since: CaseWorld.filed)
            #expect(again.lines == first.lines, "a repeat since a time gives the same rows with the same ids")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anExportThatFailsBeforeItsFileIsCompleteLeavesEveryRowForTheNext(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let withdrawn = try await world.file("T0")
            _ = try await world.file("T1")
            try await world.engine.apply(.withdraw, to: withdrawn, by: .citizen)

            await #expect(throws: CancellationError.self) { _ = try await Self.export(world, failing: true) }
            let next = try await Self.export(world)
            #expect(next.lines.count == 4, "header, two holds and the withdrawal")
            #expect(
                next.lines.contains {
                    $0.hasSuffix(",T0,\(withdrawn.value),outcome,2026-03-03,2026-03-03,withdrawn,65.00,2026-03-03T15:00:00Z")
                })
            #expect(try await world.count("SELECT COUNT(*) AS n FROM enforcement_exports") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM enforcement_events WHERE export_id IS NULL") == 0)
        }
    }
}
