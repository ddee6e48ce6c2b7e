import AppealsServices
import Foundation
import SQLKit

/// What an operator watches, counted when `/metrics` is scraped: cases by state, the outbox's backlog and failures,
/// letters waiting to print, and the bytes of evidence stored.
public struct SQLOperationalFigures: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public struct Figures: Sendable, Equatable {
        public var casesByState: [String: Int] = [:]
        /// Citizens' messages by outbox status (pending, failed).
        public var outbox: [String: Int] = [:]
        /// Letters not yet printed, by status (queued, ready, batched).
        public var lettersWaiting: [String: Int] = [:]
        public var evidenceBytes = 0
    }

    public func figures() async throws -> Figures {
        try await database.withConnection { db in
            func counts(_ sql: SQLQueryString) async throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try await db.raw(sql).all() {
                    result[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self)
                }
                return result
            }
            var f = Figures()
            f.casesByState = try await counts("SELECT state AS k, COUNT(*) AS n FROM cases GROUP BY state")
            f.outbox = try await counts(
                """
                SELECT status AS k, COUNT(*) AS n FROM notifications WHERE recipient = 'citizen' AND status IN ('pending', 'failed')
                GROUP BY status
                """)
            f.lettersWaiting = try await counts(
                "SELECT status AS k, COUNT(*) AS n FROM letters WHERE status IN ('queued', 'ready', 'batched') GROUP BY status")
            f.evidenceBytes =
                try await db.raw(
                    """
                    SELECT SUM(original_size + COALESCE(display_size, 0) + COALESCE(thumbnail_size, 0)) AS n FROM evidence
                    """
                ).first()?.decode(column: "n", as: Int?.self) ?? 0
            return f
        }
    }
}
