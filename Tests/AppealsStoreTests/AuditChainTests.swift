import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@Suite("audit verify finds an edited, a deleted and a reordered event")
struct AuditChainTests {
    /// A case with five audit events: filed, review started, information requested, answered, decided.
    func withHistory(_ engine: DatabaseEngine, _ body: (CaseWorld) async throws -> Void) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            try await world.engine.apply(.requestInformation, to: reference, by: reviewer)
            try await world.engine.apply(.citizenResponded, to: reference, by: .citizen)
            try await world.engine.apply(
                .decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)), to: reference, by: reviewer)
            try await body(world)
        }
    }

    func verify(_ world: CaseWorld) async throws -> AuditVerification {
        try await SQLAdministration(database: world.db).verifyAudit()
    }

    func tamper(_ world: CaseWorld, _ sql: String) async throws {
        try await world.db.withConnection { try await $0.raw(SQLQueryString(sql)).run() }
    }

    @Test(arguments: TestDatabase.engines)
    func anUntouchedTrailVerifies(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            let result = try await verify(world)
            #expect(result == .intact(events: 5))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anEditedEventIsFound(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            try await tamper(world, "UPDATE audit_events SET to_state = 'decided' WHERE seq = 3")
            let result = try await verify(world)
            #expect(result == .broken(seq: 3, problem: .contentChanged, checked: 2))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDeletedEventIsFound(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            try await tamper(world, "DELETE FROM audit_events WHERE seq = 2")
            let result = try await verify(world)
            #expect(result == .broken(seq: 2, problem: .missing, checked: 1))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDeletedLastEventIsFound(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            try await tamper(world, "DELETE FROM audit_events WHERE seq = 5")
            let result = try await verify(world)
            #expect(result == .broken(seq: 5, problem: .missing, checked: 4))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func reorderedEventsAreFound(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            // Swap events 3 and 4, numbers and all, as someone rewriting history would.
            try await tamper(world, "UPDATE audit_events SET seq = -3 WHERE seq = 3")
            try await tamper(world, "UPDATE audit_events SET seq = 3 WHERE seq = 4")
            try await tamper(world, "UPDATE audit_events SET seq = 4 WHERE seq = -3")
            let result = try await verify(world)
            #expect(result == .broken(seq: 3, problem: .doesNotFollowPrevious, checked: 2))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aForgedEventWithRecomputedHashStillBreaksTheNextLink(engine: DatabaseEngine) async throws {
        try await withHistory(engine) { world in
            // Editing event 2 and recomputing its own hash is not enough: event 3 names the old hash.
            try await tamper(world, "UPDATE audit_events SET hash = 'forged' WHERE seq = 2")
            let result = try await verify(world)
            #expect(result == .broken(seq: 2, problem: .contentChanged, checked: 1))
        }
    }
}
