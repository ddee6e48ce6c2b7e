import AppealsTestSupport
import Foundation
import SQLKit

@testable import AppealsStore

/// A database as an earlier version of the portal left it: migrated up to, not including, one migration, with the
/// ticket `T1` its rows are filed against. For tests of what that migration does to rows stored before it.
enum EarlierSchema {
    static func with(
        _ engine: DatabaseEngine, before version: String, _ body: (AppDatabase) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-before-\(version)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: TestDatabase.migrationsFolder.path) where name < version {
            try FileManager.default.copyItem(
                at: TestDatabase.migrationsFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try await TestDatabase.with(engine, migrated: false) { db in
            try await MigrationRunner(folder: folder).migrate(db, logger: TestDatabase.logger)
            try await db.withConnection { conn in
                try await conn.raw("INSERT INTO ticket_imports (id, source, started_at) VALUES ('t', 't', '2026-03-01T10:00:00Z')").run()
                try await conn.raw(
                    """
                    INSERT INTO tickets (ticket_number, plate, plate_region, issued_at, location, violation_code, violation,
                      amount_cents, officer_id, towed, first_imported_at, last_import_id, last_import_line)
                    VALUES ('T1', 'P1', 'NY', '2026-03-01T10:00:00Z', 'Main St', 'P01', 'x', 6500, 'C1', \(bind: false),
                      '2026-03-01T10:00:00Z', 't', 2)
                    """
                ).run()
            }
            try await body(db)
        }
    }
}
