import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import Testing

/// Counters every instance shares: parallel requests each get their own count, so exactly the limit passes.
@Suite struct RateCountersTests {
    @Test(arguments: TestDatabase.engines)
    func parallelLookUpsGetExactlyTheLimitBetweenThem(engine: DatabaseEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let clock = FixedWallClock(Date(timeIntervalSince1970: 1_795_996_800))
            // Two limiters on one database stand for two instances.
            let limiters = (0..<2).map { _ in
                SharedLookUpLimiter(counters: SQLRateCounters(database: db), limit: 6, windowSeconds: 600, clock: clock)
            }
            let passed = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<30 {
                    group.addTask { (try? await limiters[index % 2].check("198.51.100.1")) != nil }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(passed == 6)
            // Another client starts afresh.
            #expect((try? await limiters[0].check("198.51.100.2")) != nil)
            await #expect(throws: AppError.tooManyAttempts(retryAfterSeconds: 600)) { try await limiters[1].check("198.51.100.1") }
            // Crossing into the next window does not start the client afresh: the previous window still counts, less
            // as it recedes (all 30 attempts then, weighted by the part of it within ten minutes of now).
            func at(_ seconds: Double) -> SharedLookUpLimiter {
                SharedLookUpLimiter(
                    counters: SQLRateCounters(database: db), limit: 6, windowSeconds: 600,
                    clock: FixedWallClock(clock.now().addingTimeInterval(seconds)))
            }
            await #expect(throws: AppError.tooManyAttempts(retryAfterSeconds: 600)) { try await at(600).check("198.51.100.1") }
            // A minute before the next window ends, the 31 attempts of the last one weigh 31 × 60/600 = 3.1: with the
            // two made in this window, 5.1 of 6.
            #expect((try? await at(1_140).check("198.51.100.1")) != nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDecrementTakesBackOneAttempt(engine: DatabaseEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let counters = SQLRateCounters(database: db)
            let now = Date(timeIntervalSince1970: 1_795_996_800)
            let a = RateCounter(key: "a", at: now, windowSeconds: 900), b = RateCounter(key: "b", at: now, windowSeconds: 3_600)
            #expect(try await counters.increment([a, b]) == [1, 1])
            #expect(try await counters.increment([a, b]) == [2, 2])
            try await counters.decrement([a])
            #expect(try await counters.increment([b, a]) == [3, 2])
        }
    }
}
