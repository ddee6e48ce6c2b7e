import AppealsServices
import Foundation
import SQLKit

/// Rate counters in `rate_counters`: one upsert that adds one and returns the new counts (atomic per row on
/// both engines), so parallel requests on any number of instances each get their own count.
public struct SQLRateCounters: RateCounters {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func increment(_ counters: [RateCounter]) async throws -> [Int] {
        guard !counters.isEmpty else { return [] }
        let rows = try await database.write { db in
            try await db.run(
                BulkInsert(
                    table: "rate_counters", columns: ["counter_key", "window_start", "attempts"],
                    rows: counters.map { [$0.key, Stored.time($0.windowStart), 1] },
                    conflict: .add(key: ["counter_key", "window_start"], sum: ["attempts"], set: []),
                    returning: ["counter_key", "window_start", "attempts"]
                ))
        }
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "counter_key", as: String.self) + "@" + row.decode(column: "window_start", as: String.self)] =
                try row.decode(column: "attempts", as: Int.self)
        }
        if counts.values.contains(1), let oldest = counters.map(\.windowStart).min() {
            // A new window started: windows that ended a day ago go (an index range that is nearly always empty;
            // the previous window is still read, for the sliding estimate).
            try await database.write { db in
                try await db.delete(from: "rate_counters")
                    .where("window_start", .lessThan, SQLBind(Stored.time(oldest.addingTimeInterval(-86_400)))).run()
            }
        }
        return counters.map { counts[$0.key + "@" + Stored.time($0.windowStart)] ?? 0 }
    }

    public func counts(_ counters: [RateCounter]) async throws -> [Int] {
        guard !counters.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        try await database.withConnection { db in
            for start in Set(counters.map(\.windowStart)) {
                let keys = counters.filter { $0.windowStart == start }.map(\.key)
                let rows = try await db.select().columns("counter_key", "attempts").from("rate_counters")
                    .where("window_start", .equal, SQLBind(Stored.time(start)))
                    .where("counter_key", .in, SQLBind.group(keys)).all()
                for row in rows {
                    counts[try row.decode(column: "counter_key", as: String.self) + "@" + Stored.time(start)] =
                        try row.decode(column: "attempts", as: Int.self)
                }
            }
        }
        return counters.map { counts[$0.key + "@" + Stored.time($0.windowStart)] ?? 0 }
    }

    public func decrement(_ counters: [RateCounter]) async throws {
        try await database.transaction { db in
            for counter in counters {
                try await db.raw(
                    """
                    UPDATE rate_counters SET attempts = attempts - 1
                    WHERE counter_key = \(bind: counter.key) AND window_start = \(bind: Stored.time(counter.windowStart)) AND attempts > 0
                    """
                ).run()
            }
        }
    }
}
