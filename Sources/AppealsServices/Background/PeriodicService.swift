import Foundation
import Logging
import ServiceLifecycle

/// Runs a piece of background work inside the server every `interval`, until the server shuts down gracefully:
/// the deadline sweeper (several instances may each run one: the store makes every firing happen once) and the
/// evidence sweep. A failed run is logged and the next one tries again.
public struct PeriodicService: Service {
    let name: String
    let interval: Duration
    /// Run once at start-up too (the deadline sweeper), or only after the first interval (the evidence sweep).
    let runAtStart: Bool
    let logger: Logger
    let work: @Sendable (Logger) async throws -> Void

    public init(name: String, interval: Duration, runAtStart: Bool, logger: Logger, work: @escaping @Sendable (Logger) async throws -> Void)
    {
        self.name = name
        self.interval = interval
        self.runAtStart = runAtStart
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            if !runAtStart { try? await Task.sleep(for: interval) }
            while !Task.isCancelled {
                do {
                    try await work(logger)
                } catch is CancellationError {
                    return
                } catch {
                    // A failed run rolled back whole; the next one picks its work up again.
                    logger.error("\(name) failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// The deadline sweeper: fires every due warning and breach, and marks missed the calls back whose window ended.
    public static func deadlines(_ sweep: SweepDeadlines, callbacks: Callbacks, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(name: "deadline sweep", interval: interval, runAtStart: true, logger: logger) { logger in
            let fired = try await sweep.run()
            if fired > 0 { logger.info("deadline sweep", metadata: ["fired": "\(fired)"]) }
            let missed = try await callbacks.sweep()
            if missed > 0 { logger.warning("calls back missed", metadata: ["missed": "\(missed)"]) }
        }
    }

    /// The letters: queued letters produced as stored PDFs, and posted letters' cases updated (acknowledged, served).
    public static func letters(_ produce: ProduceLetters, printRoom: PrintRoom, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(name: "letters", interval: interval, runAtStart: true, logger: logger) { logger in
            let produced = try await produce.run()
            let applied = try await printRoom.applyPostedLetters()
            if produced + applied > 0 {
                logger.info("letters", metadata: ["produced": "\(produced)", "cases_updated": "\(applied)"])
            }
        }
    }

    /// The outbox: due messages to citizens sent by email or text message.
    public static func notifications(_ deliver: DeliverNotifications, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(name: "notifications", interval: interval, runAtStart: true, logger: logger) { logger in
            while case let taken = try await deliver.run(), taken > 0 { logger.info("notifications", metadata: ["taken": "\(taken)"]) }
        }
    }

    /// The inbound mailbox: replies waiting there put on their cases, each flagged once stored.
    public static func mailbox(_ poll: PollMailbox, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(name: "mailbox", interval: interval, runAtStart: true, logger: logger) { logger in
            // A bounded number of rounds: a server that keeps showing a stored message unflagged cannot hold the loop.
            for _ in 0..<20 {
                let taken = try await poll.run()
                guard taken > 0 else { break }
                logger.info("mailbox", metadata: ["taken": "\(taken)"])
            }
        }
    }

    /// The evidence sweep: abandoned drafts' files and unfinished uploads go, and every file's hash is checked, so
    /// that nothing depends on someone remembering `appeals evidence sweep`.
    public static func evidence(_ sweep: SweepEvidence, interval: Duration, logger: Logger) -> PeriodicService {
        PeriodicService(name: "evidence sweep", interval: interval, runAtStart: false, logger: logger) { logger in
            let report = try await sweep()
            logger.log(
                level: report.problems.isEmpty ? .info : .error, "evidence sweep",
                metadata: [
                    "abandoned_rows": "\(report.abandonedRowsRemoved)", "orphan_files": "\(report.orphanFilesDeleted)",
                    "incoming_files": "\(report.incomingFilesDeleted)", "checked": "\(report.filesChecked)",
                    "missing_or_altered": "\(report.problems.count)",
                ])
        }
    }
}
