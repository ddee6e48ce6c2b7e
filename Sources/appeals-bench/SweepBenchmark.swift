import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
@preconcurrency import Foundation
import Logging
import SQLKit

/// Seeds `cases` open cases of which `due` have their acknowledgement warning and breach due, then times the
/// sweep that fires them, and a sweep with nothing due.
struct SweepBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep")

    @Option(help: "Open cases in all.") var cases = 1_000_000
    @Option(help: "Cases with a breach due.") var due = 10_000
    @Option(help: "postgres:// URL; default: a new SQLite file in a temporary folder.") var database: String?

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appeals-bench-\(UUID().uuidString)")
        let location: DatabaseLocation =
            database.map { .postgres(url: $0) } ?? .sqlite(path: folder.appendingPathComponent("bench.sqlite").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await AppDatabase.open(location, logger: logger)
        do {
            try await measure(db, logger: logger)
            await db.close()
        } catch {
            await db.close()
            throw error
        }
    }

    func measure(_ db: AppDatabase, logger: Logger) async throws {
        setvbuf(stdout, nil, _IOLBF, 0)
        try await MigrationRunner(folder: Seeder.migrations).migrate(db, logger: logger)
        let zone = TimeZone(identifier: "America/New_York")!
        let store = SQLCaseStore(database: db)
        print("engine: \(db.engine.rawValue); seeding \(cases) open cases, \(due) with a breach due …")
        var started = Date()
        try await Seeder.seed(db, cases: cases, due: due, zone: zone)
        if db.engine == .postgres { try await db.withConnection { try await $0.raw("ANALYZE").run() } }
        print(String(format: "seeded in %.1f s", Date().timeIntervalSince(started)))

        let now = ISO8601Timestamp.parse("2026-03-06T12:00:00-05:00")!  // acknowledgements were due on the 5th
        let sweep = SweepDeadlines(store: store, clock: FixedWallClock(now), timeZone: zone, sweeperName: "bench")
        started = Date()
        let fired = try await sweep.run()
        let busy = Date().timeIntervalSince(started)
        print(
            String(
                format: "sweep with %d cases due: %d warnings and breaches fired in %.3f s (%.0f cases/s)",
                due, fired, busy, Double(due) / busy))
        var idle: [Double] = []
        for _ in 0..<5 {
            started = Date()
            let none = try await sweep.run()
            precondition(none == 0)
            idle.append(Date().timeIntervalSince(started) * 1_000)
        }
        print(
            String(
                format: "sweep with nothing due among %d open cases: median %.1f ms (of 5 runs: %@)", cases,
                idle.sorted()[2], idle.map { String(format: "%.1f", $0) }.joined(separator: ", ")))
    }
}
