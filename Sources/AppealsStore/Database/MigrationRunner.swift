import AppealsDomain
import AppealsServices
import Foundation
import Logging
import SQLKit

/// Applies the numbered SQL files of `migrations/` in order, each in its own transaction, and records each with
/// its checksum in `schema_migrations`.
///
/// A file may exist in one portable form (`0001_name.sql`) or, where the engines' SQL cannot agree, as a pair
/// (`0001_name.sqlite.sql` and `0001_name.postgres.sql`). Applying is forward-only: an edited applied file, a gap
/// in the numbers or an applied file that disappeared stops the runner before it changes anything.
/// Several processes may run it at once: on PostgreSQL an advisory lock and on SQLite the write lock serialise
/// them, and each re-checks inside its transaction whether another applied the file meanwhile.
public struct MigrationRunner: Sendable {
    public let folder: URL

    /// Dates each applied migration.
    public let clock: any WallClock

    public init(folder: URL, clock: any WallClock = SystemWallClock()) {
        self.folder = folder
        self.clock = clock
    }

    /// Reads and validates the folder for one engine.
    public func migrations(for engine: DatabaseEngine) throws -> [Migration] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw MigrationError.unreadableFolder(folder.path)
        }
        var byVersion: [Int: [String]] = [:]
        for name in names where name.hasSuffix(".sql") {
            let parts = name.split(separator: "_", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]), version > 0 else {
                throw MigrationError.badFileName(name)
            }
            byVersion[version, default: []].append(name)
        }
        var result: [Migration] = []
        for version in byVersion.keys.sorted() {
            let files = byVersion[version]!.sorted()
            let portable = files.filter { !$0.hasSuffix(".sqlite.sql") && !$0.hasSuffix(".postgres.sql") }
            let specific = files.filter { $0.hasSuffix(".\(engine.rawValue).sql") }
            let chosen: String
            if portable.count == 1, files.count == 1 {
                chosen = portable[0]
            } else if portable.isEmpty, specific.count == 1,
                files.count == DatabaseEngine.allCases.count
            {
                chosen = specific[0]
            } else {
                throw MigrationError.duplicateVersion(version, files)
            }
            let url = folder.appendingPathComponent(chosen)
            guard let data = FileManager.default.contents(atPath: url.path),
                let sql = String(data: data, encoding: .utf8)
            else { throw MigrationError.unreadableFolder(url.path) }
            result.append(Migration(version: version, fileName: chosen, sql: sql))
        }
        for (index, migration) in result.enumerated() where migration.version != index + 1 {
            throw MigrationError.missingVersion(index + 1)
        }
        return result
    }

    /// What a migration's SQL cannot do (splitting text by rules written in Swift), run after its statements in its
    /// transaction, by version.
    static let dataSteps: [Int: @Sendable (any SQLDatabase) async throws -> Void] = [
        21: AddressColumns.splitStoredAddresses
    ]

    /// Applies what is pending; returns the files applied by this call (empty when up to date).
    @discardableResult
    public func migrate(_ database: AppDatabase, logger: Logger) async throws -> [Migration] {
        let migrations = try migrations(for: database.engine)
        try await database.transaction { db in
            try await lock(db, engine: database.engine)
            try await db.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    file_name TEXT NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """
            ).run()
        }
        try verifyApplied(try await applied(database), against: migrations)

        var appliedNow: [Migration] = []
        for migration in migrations {
            let didApply = try await database.transaction { db -> Bool in
                try await lock(db, engine: database.engine)
                let already = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                guard already == nil else { return false }
                for statement in migration.statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await Self.dataSteps[migration.version]?(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "file_name", "checksum", "applied_at")
                    .values(
                        SQLBind(migration.version), SQLBind(migration.fileName), SQLBind(migration.checksum),
                        SQLBind(ISO8601Timestamp.formatUTC(clock.now()))
                    )
                    .run()
                return true
            }
            if didApply {
                logger.info("applied migration", metadata: ["file": "\(migration.fileName)"])
                appliedNow.append(migration)
            }
        }
        return appliedNow
    }

    /// Whether the database is exactly at this build's schema: every file applied, none edited.
    public func isUpToDate(_ database: AppDatabase) async throws -> Bool {
        let migrations = try migrations(for: database.engine)
        let applied = try await applied(database)
        try verifyApplied(applied, against: migrations)
        return applied.count == migrations.count
    }

    struct AppliedMigration {
        let version: Int
        let fileName: String
        let checksum: String
    }

    func applied(_ database: AppDatabase) async throws -> [AppliedMigration] {
        try await database.withConnection { db in
            try await db.select().columns("version", "file_name", "checksum").from("schema_migrations")
                .orderBy("version").all()
                .map {
                    AppliedMigration(
                        version: try $0.decode(column: "version", as: Int.self),
                        fileName: try $0.decode(column: "file_name", as: String.self),
                        checksum: try $0.decode(column: "checksum", as: String.self)
                    )
                }
        }
    }

    private func verifyApplied(_ applied: [AppliedMigration], against migrations: [Migration]) throws {
        let files = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in applied {
            guard let file = files[record.version] else {
                throw MigrationError.appliedButMissing(version: record.version, fileName: record.fileName)
            }
            guard file.checksum == record.checksum else {
                throw MigrationError.editedAfterApplied(fileName: file.fileName, applied: record.checksum, now: file.checksum)
            }
        }
    }

    private func lock(_ db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // SQLite's BEGIN IMMEDIATE already holds the one write lock; PostgreSQL needs an explicit one.
        guard engine == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(7212026)").run()
    }

}
