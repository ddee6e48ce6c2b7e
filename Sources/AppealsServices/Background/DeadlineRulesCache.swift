import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The deadline policies and holidays, read again only when older than `maxAge` (0: every time). For pages that
/// show dates (a policy or holiday change shows there within `maxAge`); the workflow engine reads them fresh.
/// A lock, not an actor: every status look-up reads it, and a hop to an actor's executor and back showed in the
/// status API's profile as thread switches.
public final class DeadlineRulesCache: Sendable {
    let store: any CaseStore
    let timeZone: TimeZone
    let clock: any WallClock
    let maxAge: TimeInterval
    private let cached = Mutex<(rules: DeadlineRules, at: Date)?>(nil)

    public init(store: any CaseStore, timeZone: TimeZone, clock: any WallClock, maxAge: TimeInterval) {
        self.store = store
        self.timeZone = timeZone
        self.clock = clock
        self.maxAge = maxAge
    }

    public func current() async throws -> DeadlineRules {
        let now = clock.now()
        let maxAge = maxAge
        if let fresh = cached.withLock({ $0.flatMap { now.timeIntervalSince($0.at) < maxAge ? $0.rules : nil } }) { return fresh }
        let rules = try await store.deadlineRules(timeZone: timeZone)
        cached.withLock { $0 = (rules, now) }
        return rules
    }
}
