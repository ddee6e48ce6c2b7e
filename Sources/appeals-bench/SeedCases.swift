import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
@preconcurrency import Foundation
import Logging
import SQLKit

/// Seeds a database for the parallel-sweep process test (`scripts/test-parallel-sweep`): migrated, with
/// `due` cases filed in March 2026 (so every deadline of theirs has passed) among `cases` open cases.
struct SeedCases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed")

    @Option var cases = 10_000
    @Option var due = 10_000
    @Option(
        help:
            "Of the due cases, how many to take through review, a request for information and (every other one) an answer, with two files each."
    )
    var worked = 0
    @Option(help: "postgres:// URL, or an SQLite file path.") var database: String

    func run() async throws {
        var logger = Logger(label: "seed")
        logger.logLevel = .warning
        let location: DatabaseLocation = database.hasPrefix("postgres") ? .postgres(url: database) : .sqlite(path: database)
        let db = try await AppDatabase.open(location, logger: logger)
        do {
            try await MigrationRunner(folder: Seeder.migrations).migrate(db, logger: logger)
            let zone = TimeZone(identifier: "America/New_York")!
            try await Seeder.seed(db, cases: cases, due: due, zone: zone)
            try await Seeder.work(db, count: min(worked, due), zone: zone)
            await db.close()
        } catch {
            await db.close()
            throw error
        }
    }
}
