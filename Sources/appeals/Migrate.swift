import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import ArgumentParser
import Foundation
import Logging

extension Runtime {
    /// Opens the configured database, runs `body`, and closes it whatever happens.
    /// The adapters over the database (built once, as the server builds them), with the system clock.
    func withAdapters<T>(migrate: Bool, _ body: (Adapters) async throws -> T) async throws -> T {
        try await withDatabase(migrate: migrate) { database in
            try await body(try Adapters(configuration: configuration, database: database, clock: SystemWallClock()))
        }
    }

    func withDatabase<T>(migrate: Bool, _ body: (AppDatabase) async throws -> T) async throws -> T {
        let database = try await AppDatabase.open(
            configuration.database, logger: logger,
            sqliteBusyTimeoutMilliseconds: configuration.sqliteBusyTimeoutMilliseconds
        )
        do {
            if migrate {
                do {
                    try await MigrationRunner(folder: URL(fileURLWithPath: configuration.migrationsFolder))
                        .migrate(database, logger: logger)
                } catch let error as MigrationError {
                    throw ValidationError("Cannot start: \(error)")
                }
            }
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations from migrations/.")

    func run() async throws {
        let runtime = try Runtime.load()
        try await runtime.withDatabase(migrate: true) { database in
            print("Database is up to date (\(database.location)).")
        }
    }
}
