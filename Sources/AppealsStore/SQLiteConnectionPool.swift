import Foundation
import Logging
import SQLiteKit

/// A small pool of SQLite connections to one file, each opened with the pragmas this product relies on.
///
/// Written here rather than using SQLiteKit's pool source because that source cannot run per-connection
/// pragmas (`synchronous`, `busy_timeout`), and because a dozen lines of actor make waiting for a free
/// connection structured-concurrency-friendly.
actor SQLiteConnectionPool {
    private let path: String
    private let busyTimeoutMilliseconds: Int
    private let maximumConnections: Int
    private let logger: Logger
    private var idle: [SQLiteConnection] = []
    private var open = 0
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private var isClosed = false

    init(path: String, busyTimeoutMilliseconds: Int, maximumConnections: Int, logger: Logger) {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.maximumConnections = maximumConnections
        self.logger = logger
    }

    func acquire() async throws -> SQLiteConnection {
        guard !isClosed else { throw DatabaseError.closed }
        if let connection = idle.popLast() { return connection }
        if open < maximumConnections {
            open += 1
            do {
                return try await makeConnection()
            } catch {
                open -= 1
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func release(_ connection: SQLiteConnection) {
        if isClosed {
            Task { try? await connection.close() }
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    func close() async {
        isClosed = true
        for waiter in waiters { waiter.resume(throwing: DatabaseError.closed) }
        waiters.removeAll()
        for connection in idle { try? await connection.close() }
        idle.removeAll()
    }

    private func makeConnection() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        // WAL lets readers work while one writer writes; FULL makes a commit survive power loss;
        // the busy timeout makes a second writer wait for the lock instead of failing at once.
        for pragma in [
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",
            "PRAGMA foreign_keys = ON",
        ] {
            try await connection.query(pragma, []) { _ in }
        }
        return connection
    }
}
