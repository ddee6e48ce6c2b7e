import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle

/// The deadline policies and holidays, read again only when older than `maxAge` (0: every time). For pages that
/// show dates (a policy or holiday change shows there within `maxAge`); the workflow engine reads them fresh.
public actor DeadlineRulesCache {
    let store: any CaseStore
    let timeZone: TimeZone
    let clock: any WallClock
    let maxAge: TimeInterval
    private var cached: (rules: DeadlineRules, at: Date)?

    public init(store: any CaseStore, timeZone: TimeZone, clock: any WallClock, maxAge: TimeInterval) {
        self.store = store
        self.timeZone = timeZone
        self.clock = clock
        self.maxAge = maxAge
    }

    public func current() async throws -> DeadlineRules {
        let now = clock.now()
        if let cached, now.timeIntervalSince(cached.at) < maxAge { return cached.rules }
        let rules = try await store.deadlineRules(timeZone: timeZone)
        cached = (rules, now)
        return rules
    }
}
