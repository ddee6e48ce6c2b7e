import Foundation
import Logging
import NIOPosix
import SQLiteKit

/// A small pool of SQLite connections to one file, each opened with the pragmas this product relies on.
///
/// Written here rather than using SQLiteKit's pool source because that source cannot run per-connection
/// pragmas (`synchronous`, `busy_timeout`), and because a dozen lines of actor make waiting for a free
/// connection structured-concurrency-friendly.
///
/// Two things keep writers from starving each other: the pool has its own thread pool with a thread per
/// connection (SQLite blocks a thread while it waits for a lock; on the shared two-thread pool, two waiters
/// would leave the lock holder no thread to commit on), and write transactions of this process queue for one
/// writer slot here, in order, so that SQLite's busy timeout only arbitrates between processes.
actor SQLiteConnectionPool {
    private let threadPool: NIOThreadPool
    private var writerBusy = false
    private var writerWaiters: [CheckedContinuation<Void, Never>] = []
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
        threadPool = NIOThreadPool(numberOfThreads: maximumConnections + 1)
        threadPool.start()
    }

    /// Waits for this process's one write slot (FIFO).
    func acquireWriter() async {
        guard writerBusy else {
            writerBusy = true
            return
        }
        await withCheckedContinuation { writerWaiters.append($0) }
    }

    func releaseWriter() {
        if writerWaiters.isEmpty {
            writerBusy = false
        } else {
            writerWaiters.removeFirst().resume()
        }
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

    func release(_ connection: SQLiteConnection) async {
        if isClosed {
            await retire(connection)
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Closes every idle connection now and each busy one when it comes back; then stops the threads.
    func close() async {
        isClosed = true
        for waiter in waiters { waiter.resume(throwing: DatabaseError.closed) }
        waiters.removeAll()
        let closing = idle
        idle.removeAll()
        for connection in closing { await retire(connection) }
        if open == 0 { try? await threadPool.shutdownGracefully() }
    }

    private func retire(_ connection: SQLiteConnection) async {
        try? await connection.close()
        open -= 1
        if isClosed, open == 0 { try? await threadPool.shutdownGracefully() }
    }

    private func makeConnection() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: threadPool, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
        // The busy timeout first: it makes a second writer (or a journal-mode switch) wait for the lock instead
        // of failing at once. WAL lets readers work while one writer writes; FULL makes a commit survive power loss.
        do {
            for pragma in [
                "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                "PRAGMA foreign_keys = ON",
                // Statement journals (multi-row upserts need one) and temporary b-trees in memory, not temp files;
                // and 16 MB of page cache, so that a large import transaction does not spill pages mid-way.
                "PRAGMA temp_store = MEMORY",
                "PRAGMA cache_size = -16384",
                // Checkpoint every 40 MB of WAL rather than 4 MB: fewer fsyncs under bulk writes.
                "PRAGMA wal_autocheckpoint = 10000",
            ] {
                try await connection.query(pragma, []) { _ in }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        return connection
    }
}
