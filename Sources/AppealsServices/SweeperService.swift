import Foundation
import Logging
import ServiceLifecycle

/// Runs the deadline sweeper inside the server every `interval`, until the server shuts down gracefully.
/// Several server instances may each run one: the store makes every firing happen once.
public struct SweeperService: Service {
    let sweep: SweepDeadlines
    let interval: Duration
    let logger: Logger

    public init(sweep: SweepDeadlines, interval: Duration, logger: Logger) {
        self.sweep = sweep
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let fired = try await sweep.run()
                    if fired > 0 { logger.info("deadline sweep", metadata: ["fired": "\(fired)"]) }
                } catch is CancellationError {
                    return
                } catch {
                    // A failed batch rolled back whole; the next sweep picks its work up again.
                    logger.error("deadline sweep failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

/// Runs the evidence sweep inside the server every `interval` (hourly by default): abandoned drafts' files and
/// unfinished uploads go, so that nothing depends on someone remembering `appeals evidence sweep`.
public struct EvidenceSweepService: Service {
    let sweep: SweepEvidence
    let interval: Duration
    let logger: Logger

    public init(sweep: SweepEvidence, interval: Duration, logger: Logger) {
        self.sweep = sweep
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                do {
                    let report = try await sweep()
                    let level: Logger.Level = report.problems.isEmpty ? .info : .error
                    logger.log(level: level, "evidence sweep", metadata: [
                        "abandoned_rows": "\(report.abandonedRowsRemoved)", "orphan_files": "\(report.orphanFilesDeleted)",
                        "incoming_files": "\(report.incomingFilesDeleted)", "checked": "\(report.filesChecked)",
                        "missing_or_altered": "\(report.problems.count)",
                    ])
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("evidence sweep failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
    }
}
