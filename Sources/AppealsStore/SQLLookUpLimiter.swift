import AppealsServices
import Foundation
import SQLKit

/// The look-up limit kept in the database, so that instances sharing one PostgreSQL allow a client `limit`
/// look-ups per window between them, not `limit` each. Fixed windows (one counter row per client and window,
/// incremented in one statement that returns the new count); a client can therefore make up to twice the limit
/// across a window boundary, which is still a bound.
public struct SQLLookUpLimiter: LookUpLimiter {
    let database: AppDatabase
    let limit: Int
    let window: Int
    let clock: any WallClock

    public init(database: AppDatabase, limit: Int, windowSeconds: Int, clock: any WallClock) {
        self.database = database
        self.limit = limit
        self.window = max(1, windowSeconds)
        self.clock = clock
    }

    public func check(_ client: String) async throws {
        let now = Int(clock.now().timeIntervalSince1970.rounded(.down))
        let start = now - now % window
        let startText = Stored.time(Date(timeIntervalSince1970: Double(start)))
        let count = try await database.withConnection { db in
            let row = try await db.raw("""
                INSERT INTO lookup_counts (client, window_start, attempts) VALUES (\(bind: client), \(bind: startText), 1)
                ON CONFLICT (client, window_start) DO UPDATE SET attempts = lookup_counts.attempts + 1
                RETURNING attempts
                """).first()
            return try row?.decode(column: "attempts", as: Int.self) ?? 1
        }
        if count == 1 {
            // Old windows go as new ones start (an index range that is nearly always empty).
            try await database.withConnection { db in
                try await db.delete(from: "lookup_counts").where("window_start", .lessThan, SQLBind(startText)).run()
            }
        }
        guard count <= limit else { throw AppError.tooManyRequests(retryAfterSeconds: max(1, start + window - now)) }
    }
}
