import AppealsTestSupport
import Foundation
import SQLKit
import Synchronization
import Testing

@testable import AppealsStore

@Suite("The database takes writers in turn and rolls back what fails")
struct AppDatabaseTests {
    @Test func sqliteRunsInWALModeWithFullSync() async throws {
        try await TestDatabase.with(.sqlite) { db in
            try await db.withConnection { conn in
                let mode = try await conn.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                let sync = try await conn.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
                let timeout = try await conn.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect(mode == "wal")
                #expect(sync == 2)  // FULL
                #expect(timeout == 5_000)
            }
        }
    }

    /// Read-then-write increments from many tasks at once: every one lands, none fails with "database is locked".
    @Test(arguments: TestDatabase.engines)
    func concurrentWritersWaitForEachOther(engine: DatabaseEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await db.withConnection { try await $0.raw("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)").run() }
            try await db.withConnection { try await $0.raw("INSERT INTO counter VALUES (1, 0)").run() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await db.transaction { tx in
                            let lockSuffix = engine == .postgres ? " FOR UPDATE" : ""
                            let n = try await tx.raw("SELECT n FROM counter WHERE id = 1\(unsafeRaw: lockSuffix)").first()!
                                .decode(column: "n", as: Int.self)
                            try await tx.raw("UPDATE counter SET n = \(bind: n + 1) WHERE id = 1").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let n = try await db.withConnection { try await $0.raw("SELECT n FROM counter").first()!.decode(column: "n", as: Int.self) }
            #expect(n == 40)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aTransactionThatThrowsLeavesNoTrace(engine: DatabaseEngine) async throws {
        struct Abort: Error {}
        try await TestDatabase.with(engine) { db in
            try await db.withConnection { try await $0.raw("CREATE TABLE notes (body TEXT)").run() }
            await #expect(throws: Abort.self) {
                try await db.transaction { tx in
                    try await tx.raw("INSERT INTO notes VALUES ('lost')").run()
                    throw Abort()
                }
            }
            let count = try await db.withConnection {
                try await $0.raw("SELECT COUNT(*) AS n FROM notes").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    /// The operator's pool-wait metric hears of every connection, and hearing of it costs the same on the
    /// 5,000th as on the first: once, the recorder was re-wrapped at each call, so each call ran one layer deeper
    /// (the server slowed with every request and would in the end have overflowed its stack).
    @Test(arguments: TestDatabase.engines)
    func reportsEveryConnectionWaitWithoutGrowingTheCallStack(engine: DatabaseEngine) async throws {
        struct Depths { var calls = 0, first = 0, last = 0 }
        let depths = Mutex(Depths())
        try await TestDatabase.with(engine) { db in
            db.reportConnectionWaits { _ in
                depths.withLock { seen in
                    seen.calls += 1
                    if seen.calls == 1 { seen.first = Thread.callStackSymbols.count }
                    if seen.calls == 5_000 { seen.last = Thread.callStackSymbols.count }
                }
            }
            for _ in 0..<5_000 { try await db.withConnection { _ in } }
        }
        let seen = depths.withLock { $0 }
        #expect(seen.calls == 5_000)
        #expect(seen.first > 0)
        #expect(seen.last <= seen.first + 4, "the call stack grew from \(seen.first) to \(seen.last) frames")
    }

    @Test func refusesAURLThatIsNotPostgres() async throws {
        #expect(throws: DatabaseError.invalidURL("mysql://x@y/z")) {
            try AppDatabase.postgresConfiguration(url: "mysql://x@y/z")
        }
    }

    @Test func describesALocationWithoutItsPassword() {
        #expect(
            DatabaseLocation.postgres(url: "postgres://app:s3cret@db:5432/appeals").description
                == "PostgreSQL postgres://app:***@db:5432/appeals")
    }
}
