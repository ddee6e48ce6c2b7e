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
    func statusChecksBecomeOneCountedEntryPerCaseAndDay(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let first = try await world.file("T0"), second = try await world.file("T1")
            let recorder = TimelineRecorder(store: world.store, interval: .seconds(60), logger: Logger(label: "test"))
            let monday = LocalDate(iso: "2026-03-09")!, tuesday = LocalDate(iso: "2026-03-10")!
            // 2,000 views of one case at once, and a few of another.
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<2_000 {
                    group.addTask {
                        recorder.statusChecked(
                            first, day: monday, at: world.clock.now().addingTimeInterval(Double(index)), channel: .web)
                    }
                }
            }
            for reference in [second, second] { recorder.statusChecked(reference, day: monday, at: world.clock.now(), channel: .web) }
            #expect(try await world.count("SELECT COUNT(*) AS n FROM status_checks") == 0, "nothing until flushed")
            try await recorder.flush()
            recorder.statusChecked(first, day: monday, at: world.clock.now().addingTimeInterval(5_000), channel: .web)
            recorder.statusChecked(first, day: tuesday, at: world.clock.now().addingTimeInterval(90_000), channel: .web)
            try await recorder.flush()
            try await recorder.flush()  // nothing pending: nothing added twice
            let rows = try await world.db.withConnection { db in
                try await db.raw(
                    "SELECT case_reference, day, checks FROM status_checks ORDER BY case_reference = \(bind: second.value), day"
                )
                .all().map { "\(try $0.decode(column: "day", as: String.self)) \(try $0.decode(column: "checks", as: Int.self))" }
            }
            #expect(rows == ["2026-03-09 2001", "2026-03-10 1", "2026-03-09 2"])
            #expect(
                try await world.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'status_checked'") == 0,
                "status checks no longer add timeline rows")
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
