import AppealsServices
import AppealsStore
import Foundation
import Logging
import SQLKit

/// Fresh, real databases for tests: a new SQLite file each time, and a new PostgreSQL database each time when
/// `TEST_DATABASE_URL` points at a server (CI starts one). Nothing is shared between tests.
public enum TestDatabase {
    /// The engines this run tests on: SQLite always, PostgreSQL when a server is configured.
    public static var engines: [DatabaseEngine] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresAdminURL: String? {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// The repository's own folders, found from this file's place in the tree.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let migrationsFolder = repositoryRoot.appendingPathComponent("migrations")

    public static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` with a new empty database on `engine`, migrated to this build's schema unless told otherwise,
    /// and removes the database afterwards.
    public static func with<T>(
        _ engine: DatabaseEngine, migrated: Bool = true, _ body: (AppDatabase) async throws -> T
    ) async throws -> T {
        let name = "appeals_test_" + SystemRandomSource().hex(words: 1)
        let location: DatabaseLocation
        var cleanup: () async throws -> Void
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(String(name))
            location = .sqlite(path: folder.appendingPathComponent("test.sqlite").path)
            cleanup = { try? FileManager.default.removeItem(at: folder) }
        case .postgres:
            guard let admin = postgresAdminURL, var components = URLComponents(string: admin) else {
                throw MissingPostgres()
            }
            try await withAdmin(admin) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            components.path = "/" + name
            location = .postgres(url: components.string!)
            cleanup = {
                try await withAdmin(admin) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name)) WITH (FORCE)").run() }
            }
        }
        let database = try await AppDatabase.open(location, logger: logger)
        do {
            if migrated { try await MigrationRunner(folder: migrationsFolder).migrate(database, logger: logger) }
            let result = try await body(database)
            await database.close()
            try await cleanup()
            return result
        } catch {
            await database.close()
            try? await cleanup()
            throw error
        }
    }

    private static func withAdmin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, maximumConnections: 1)
        do {
            try await admin.withConnection(body)
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
    }

    public struct MissingPostgres: Error {}
}
