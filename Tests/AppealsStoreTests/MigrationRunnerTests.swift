import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

@Suite("Migrations apply in order, once, and refuse an edited or missing file")
struct MigrationRunnerTests {
    /// A migrations folder of the test's own, so that files can be edited and removed.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        init(_ files: [String: String]) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, sql) in files { try write(name, sql) }
        }
        func write(_ name: String, _ sql: String) throws {
            try sql.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func remove(_ name: String) throws { try FileManager.default.removeItem(at: url.appendingPathComponent(name)) }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let files = [
        "0001_create_things.sql": "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n-- a comment; with a semicolon\n",
        "0002_add_colour.sql":
            "ALTER TABLE things ADD COLUMN colour TEXT;\nINSERT INTO things (id, name, colour) VALUES (1, 'semi;colon', 'red');",
        "0003_index.sql": "CREATE INDEX things_colour ON things (colour);",
    ]

    func names(_ db: AppDatabase) async throws -> [String] {
        try await db.withConnection {
            try await $0.select().column("name").from("things").all().map { try $0.decode(column: "name", as: String.self) }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func appliesInNumberOrderAndRecordsChecksums(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            let applied = try await runner.migrate(db, logger: TestDatabase.logger)
            #expect(applied.map(\.fileName) == ["0001_create_things.sql", "0002_add_colour.sql", "0003_index.sql"])
            #expect(try await names(db) == ["semi;colon"])
            let recorded = try await runner.applied(db)
            #expect(recorded.map(\.version) == [1, 2, 3])
            #expect(recorded.map(\.checksum) == applied.map(\.checksum))
            #expect(recorded[0].checksum.count == 64)
            #expect(try await runner.isUpToDate(db))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func runningAgainIsANoOp(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            try await runner.migrate(db, logger: TestDatabase.logger)
            #expect(try await runner.migrate(db, logger: TestDatabase.logger).isEmpty)
            #expect(try await names(db) == ["semi;colon"])  // the INSERT did not run twice
        }
    }

    @Test(arguments: TestDatabase.engines)
    func appliesOnlyNewFilesLater(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            try await runner.migrate(db, logger: TestDatabase.logger)
            try folder.write("0004_more.sql", "INSERT INTO things (id, name) VALUES (2, 'later');")
            #expect(try await !runner.isUpToDate(db))
            #expect(try await runner.migrate(db, logger: TestDatabase.logger).map(\.version) == [4])
            #expect(try await names(db).sorted() == ["later", "semi;colon"])
        }
    }

    @Test(arguments: TestDatabase.engines)
    func refusesAnAppliedFileThatWasEdited(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            try await runner.migrate(db, logger: TestDatabase.logger)
            try folder.write("0002_add_colour.sql", "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';")
            try folder.write("0004_more.sql", "INSERT INTO things (id, name) VALUES (2, 'later');")
            await #expect {
                try await runner.migrate(db, logger: TestDatabase.logger)
            } throws: { error in
                guard case .editedAfterApplied(let name, _, _) = error as? MigrationError else { return false }
                return name == "0002_add_colour.sql"
            }
            #expect(try await names(db) == ["semi;colon"])  // 0004 was not applied either
            await #expect(throws: MigrationError.self) { try await runner.isUpToDate(db) }
        }
    }

    @Test func refusesAGapInTheNumbers() throws {
        let folder = try Folder(Self.files)
        try folder.remove("0002_add_colour.sql")
        #expect(throws: MigrationError.missingVersion(2)) {
            try MigrationRunner(folder: folder.url).migrations(for: .sqlite)
        }
    }

    @Test func refusesTwoFilesWithOneNumber() throws {
        let folder = try Folder(Self.files)
        try folder.write("0003_other.sql", "SELECT 1;")
        #expect(throws: MigrationError.duplicateVersion(3, ["0003_index.sql", "0003_other.sql"])) {
            try MigrationRunner(folder: folder.url).migrations(for: .sqlite)
        }
    }

    @Test func refusesABadlyNamedFile() throws {
        let folder = try Folder(Self.files)
        try folder.write("4_more.sql", "SELECT 1;")
        #expect(throws: MigrationError.badFileName("4_more.sql")) {
            try MigrationRunner(folder: folder.url).migrations(for: .sqlite)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func refusesWhenAnAppliedFileDisappeared(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            try await runner.migrate(db, logger: TestDatabase.logger)
            try folder.remove("0003_index.sql")
            await #expect(throws: MigrationError.appliedButMissing(version: 3, fileName: "0003_index.sql")) {
                try await runner.migrate(db, logger: TestDatabase.logger)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aFailingFileLeavesNothingBehind(engine: DatabaseEngine) async throws {
        let folder = try Folder([
            "0001_create_things.sql": Self.files["0001_create_things.sql"]!,
            "0002_broken.sql": "CREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);",
        ])
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            await #expect(throws: (any Error).self) { try await runner.migrate(db, logger: TestDatabase.logger) }
            let recorded = try await runner.applied(db).map(\.version)
            #expect(recorded == [1])
            await #expect(throws: (any Error).self) {
                try await db.withConnection { try await $0.raw("SELECT * FROM half").run() }
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func picksTheEngineSpecificVariant(engine: DatabaseEngine) async throws {
        let folder = try Folder([
            "0001_create_things.sql": Self.files["0001_create_things.sql"]!,
            "0002_engine.sqlite.sql": "INSERT INTO things (id, name) VALUES (1, 'sqlite');",
            "0002_engine.postgres.sql": "INSERT INTO things (id, name) VALUES (1, 'postgres');",
        ])
        try await TestDatabase.with(engine, migrated: false) { db in
            try await MigrationRunner(folder: folder.url).migrate(db, logger: TestDatabase.logger)
            #expect(try await names(db) == [engine.rawValue])
        }
    }

    @Test(arguments: TestDatabase.engines)
    func severalProcessesMigratingAtOnceApplyEachFileOnce(engine: DatabaseEngine) async throws {
        let folder = try Folder(Self.files)
        try await TestDatabase.with(engine, migrated: false) { db in
            let runner = MigrationRunner(folder: folder.url)
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 { group.addTask { try await runner.migrate(db, logger: TestDatabase.logger).map(\.version) } }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(applied.sorted() == [1, 2, 3])
            #expect(try await names(db) == ["semi;colon"])
        }
    }

    @Test func theProjectsOwnMigrationsFormAnUnbrokenChain() throws {
        for engine in DatabaseEngine.allCases {
            let migrations = try MigrationRunner(folder: TestDatabase.migrationsFolder).migrations(for: engine)
            #expect(!migrations.isEmpty)
            #expect(migrations.map(\.version) == Array(1...migrations.count))
        }
    }

    @Test func splitsScriptsOutsideQuotesAndComments() {
        #expect(SQLScript.split("A 'x;y'; /* c; */ B \"q;\";\n-- z;\nC") == ["A 'x;y'", "B \"q;\"", "C"])
    }
}
