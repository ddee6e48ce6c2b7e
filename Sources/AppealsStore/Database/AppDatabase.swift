import AppealsServices
import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import Synchronization

/// The one database handle of a process: SQLite or PostgreSQL behind the same SQLKit interface.
///
/// Repositories ask it for a connection or a transaction; nothing outside the store sees an engine.
public final class AppDatabase: Sendable {
    public let engine: DatabaseEngine
    public let location: DatabaseLocation
    private let backend: Backend
    /// Told how long each request for a connection waited for one (the operator's pool wait time).
    private let waits = Mutex<WaitRecorder?>(nil)

    /// The closure inside a struct, never bare in the lock: a bare closure in a generic `Mutex` is re-wrapped in
    /// two conversion thunks by every `withLock { $0 }` (the inout write-back), so each connection made the next
    /// call one thunk pair deeper: the server slowed with every request (the status API at 1,000 requests/s
    /// instead of 6,000 after a minute of load) and would in the end have overflowed its stack.
    private struct WaitRecorder: Sendable { let record: @Sendable (Duration) -> Void }

    /// Reports every wait for a connection to `record` from now on.
    public func reportConnectionWaits(to record: @escaping @Sendable (Duration) -> Void) {
        waits.withLock { $0 = WaitRecorder(record: record) }
    }

    private func waited(since start: ContinuousClock.Instant) {
        if let recorder = waits.withLock({ $0 }) { recorder.record(ContinuousClock.now - start) }
    }

    private enum Backend: Sendable {
        case sqlite(SQLiteConnectionPool)
        case postgres(PostgresClient, Task<Void, Never>)
    }

    private init(location: DatabaseLocation, backend: Backend) {
        self.location = location
        self.engine = location.engine
        self.backend = backend
    }

    /// Opens the database. For SQLite the file's folder is created when missing.
    public static func open(
        _ location: DatabaseLocation, logger: Logger, sqliteBusyTimeoutMilliseconds: Int = 5_000,
        maximumConnections: Int = 8
    ) async throws -> AppDatabase {
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let pool = SQLiteConnectionPool(
                path: path, busyTimeoutMilliseconds: sqliteBusyTimeoutMilliseconds,
                maximumConnections: maximumConnections, logger: logger
            )
            return AppDatabase(location: location, backend: .sqlite(pool))
        case .postgres(let url):
            var configuration = try Self.postgresConfiguration(url: url)
            configuration.options.maximumConnections = maximumConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            // The client leases connections only while `run()` runs; it ends when `close()` cancels it.
            let runner = Task { await client.run() }
            return AppDatabase(location: location, backend: .postgres(client, runner))
        }
    }

    static func postgresConfiguration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, let user = components.user
        else { throw DatabaseError.invalidURL(url) }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require", "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user,
            password: components.password, database: database.isEmpty ? nil : database, tls: tls
        )
    }

    /// Runs `body` on one connection, outside any explicit transaction.
    public func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        switch backend {
        case .sqlite(let pool):
            let connection = try await pool.acquire()
            waited(since: start)
            do {
                let result = try await body(connection.sql())
                await pool.release(connection)
                return result
            } catch {
                await pool.release(connection)
                throw error
            }
        case .postgres(let client, _):
            return try await client.withConnection { connection in
                waited(since: start)
                return try await body(connection.sql())
            }
        }
    }

    /// Runs a write outside a transaction (each statement committed by itself). On SQLite it first waits its turn for
    /// this process's writer slot, as a transaction does, instead of SQLite's busy timeout: a starved process can
    /// outlast that while another request of this process holds the lock (two sign-ins failed so in a CI run).
    /// Every write the stores make outside `transaction` goes through here; never call it inside `transaction`.
    public func write<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        guard case .sqlite(let pool) = backend else { return try await withConnection(body) }
        await pool.acquireWriter()
        do {
            let result = try await withConnection(body)
            await pool.releaseWriter()
            return result
        } catch {
            await pool.releaseWriter()
            throw error
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    ///
    /// On SQLite the transaction takes the write lock at its start (`BEGIN IMMEDIATE`), so two writers queue
    /// on the busy timeout instead of one failing halfway with "database is locked".
    public func transaction<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        guard case .sqlite(let pool) = backend else { return try await run(transaction: body, begin: "BEGIN") }
        await pool.acquireWriter()
        do {
            let result = try await run(transaction: body, begin: "BEGIN IMMEDIATE")
            await pool.releaseWriter()
            return result
        } catch {
            await pool.releaseWriter()
            throw error
        }
    }

    private func run<T>(transaction body: (any SQLDatabase) async throws -> T, begin: String) async throws -> T {
        try await withConnection { db in
            try await Self.begin(begin, on: db)
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Starts a transaction. SQLite's busy handler sleeps between attempts, so a process whose writer keeps
    /// committing can starve another beyond the busy timeout; a BEGIN that fails busy has done nothing, so it is
    /// simply tried again, a few times, after a short random pause.
    private static func begin(_ statement: String, on db: any SQLDatabase) async throws {
        var attempt = 0
        while true {
            do {
                try await db.raw(SQLQueryString(statement)).run()
                return
            } catch let error as SQLiteError where [.busy, .busyTimeout].contains(error.reason) && attempt < 20 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(5 + SystemRandomSource().below(46)))
            }
        }
    }

    /// Closes every connection. The handle cannot be used afterwards.
    public func close() async {
        switch backend {
        case .sqlite(let pool): await pool.close()
        case .postgres(_, let runner): runner.cancel()
        }
    }
}
