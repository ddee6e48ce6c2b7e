import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle

/// Where timeline entries that change nothing else (a status check) go.
public protocol TimelineSink: Sendable {
    func record(_ interaction: Interaction, on reference: CaseReference) async throws
}

/// Writes each entry at once, in its own transaction.
public struct DirectTimeline: TimelineSink {
    public let store: any CaseStore
    public init(store: any CaseStore) { self.store = store }
    public func record(_ interaction: Interaction, on reference: CaseReference) async throws {
        try await store.record([(reference, interaction)])
    }
}

/// Collects entries and writes them in one transaction every `interval`, so that a busy status page costs one
/// write a fifth of a second instead of one (and one fsync) per view. A graceful stop writes what is pending;
/// a crash loses at most one interval of status views (never a state change: those go through `CaseEngine`).
public actor TimelineRecorder: TimelineSink, Service {
    let store: any CaseStore
    let interval: Duration
    let logger: Logger
    private var pending: [(CaseReference, Interaction)] = []
    /// Beyond this many unwritten entries (the database is down), the oldest are dropped and counted in the log.
    static let maximumPending = 100_000

    public init(store: any CaseStore, interval: Duration, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func record(_ interaction: Interaction, on reference: CaseReference) {
        pending.append((reference, interaction))
        if pending.count > Self.maximumPending {
            pending.removeFirst(pending.count - Self.maximumPending)
            logger.warning("timeline recorder dropped status views: the database is not accepting writes")
        }
    }

    /// Writes everything pending now; on failure the entries stay for the next attempt.
    public func flush() async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        do {
            try await store.record(batch)
        } catch {
            pending = batch + pending
            throw error
        }
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            do { try await flush() } catch { logger.error("timeline entries not written yet", metadata: ["error": "\(error)"]) }
        }
        try await flush()
    }
}

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
