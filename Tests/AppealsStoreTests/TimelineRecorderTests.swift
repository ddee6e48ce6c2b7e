import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import Logging
import SQLKit
import Testing

@Suite struct TimelineRecorderTests {
    @Test(arguments: TestDatabase.engines)
    func batchedStatusViewsAreWrittenTogetherWhenFlushed(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let first = try await world.file("T0"), second = try await world.file("T1")
            let recorder = TimelineRecorder(store: world.store, interval: .seconds(60), logger: Logger(label: "test"))
            let view = Interaction(at: world.clock.now(), channel: .web, direction: .inbound, actor: "citizen", kind: "status_checked", isPublic: false)
            for reference in [first, second, first] { await recorder.record(view, on: reference) }
            #expect(try await world.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'status_checked'") == 0, "nothing until flushed")
            try await recorder.flush()
            #expect(try await world.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'status_checked'") == 3)
            #expect(try await world.count(
                "SELECT COUNT(*) AS n FROM interactions WHERE kind = 'status_checked' AND case_reference = '\(first.value)'") == 2)
            try await recorder.flush() // nothing pending: nothing written twice
            #expect(try await world.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'status_checked'") == 3)
            // Each entry has its own random (version 4) id.
            let ids = try await world.db.withConnection { db in
                try await db.raw("SELECT id FROM interactions WHERE kind = 'status_checked'").all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(Set(ids).count == 3)
            #expect(ids.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil }, "\(ids)")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theRulesCacheReadsAgainOnlyWhenOld(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            let cache = DeadlineRulesCache(store: world.store, timeZone: world.zone, clock: world.clock, maxAge: 30)
            let before = try await cache.current()
            try await SQLAdministration(database: world.db).saveHolidays([(LocalDate(iso: "2026-03-04")!, "Test day")])
            #expect(try await cache.current().calendar == before.calendar, "within 30 seconds the cached rules stand")
            world.clock.advance(days: 1)
            #expect(try await cache.current().calendar.holidays.contains(LocalDate(iso: "2026-03-04")!))
        }
    }
}
