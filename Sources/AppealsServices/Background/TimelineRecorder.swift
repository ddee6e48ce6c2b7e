import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Counts status checks in memory and adds them to the per-day counts in one transaction every `interval`, so
/// that a busy status page costs one write a fifth of a second instead of one (and one fsync) per view, and
/// however often one case is looked at, its timeline gains one row a day. A graceful stop writes what is
/// pending; a crash loses at most one interval of counts (never a state change: those go through `CaseEngine`).
///
/// A lock, not an actor: every look-up adds to it, and hopping to an actor's thread and back cost the status API
/// thread switches under perf.
public final class TimelineRecorder: TimelineSink, Service {
    let store: any CaseStore
    let interval: Duration
    let logger: Logger
    private let pending = Mutex<[Key: StatusChecks]>([:])

    struct Key: Hashable {
        let reference: CaseReference
        let day: LocalDate
        let channel: Channel
    }
    /// Beyond this many unwritten (case, day) counts (the database is down), new ones are dropped and logged.
    static let maximumPending = 100_000

    public init(store: any CaseStore, interval: Duration, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func statusChecked(_ reference: CaseReference, day: LocalDate, at: Date, channel: Channel) {
        let key = Key(reference: reference, day: day, channel: channel)
        let kept = pending.withLock { pending in
            if var checks = pending[key] {
                checks.count += 1
                checks.last = max(checks.last, at)
                pending[key] = checks
            } else if pending.count < Self.maximumPending {
                pending[key] = StatusChecks(reference: reference, day: day, channel: channel, count: 1, first: at, last: at)
            } else {
                return false
            }
            return true
        }
        if !kept { logger.warning("timeline recorder dropped status checks: the database is not accepting writes") }
    }

    /// Writes everything pending now; on failure the counts stay for the next attempt.
    public func flush() async throws {
        let batch = pending.withLock { pending in
            defer { pending = [:] }
            return pending
        }
        guard !batch.isEmpty else { return }
        do {
            try await store.recordStatusChecks(batch.values.sorted { $0.first < $1.first })
        } catch {
            pending.withLock { pending in
                for (key, checks) in batch {
                    if var newer = pending[key] {
                        newer.count += checks.count
                        newer.first = min(newer.first, checks.first)
                        pending[key] = newer
                    } else {
                        pending[key] = checks
                    }
                }
            }
            throw error
        }
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            do { try await flush() } catch { logger.error("status checks not written yet", metadata: ["error": "\(error)"]) }
        }
        try await flush()
    }
}
