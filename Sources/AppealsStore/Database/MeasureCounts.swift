import AppealsServices
import Foundation
import SQLKit

/// The dashboard's daily counts (`measure_counts`), added to in the transaction of the change they count.
enum MeasureCounts {
    static func add(_ counts: [MeasureCount], on db: any SQLDatabase) async throws {
        var totals: [String: (day: String, measure: String, key: String, n: Int)] = [:]
        for c in counts where c.n != 0 {
            let id = "\(c.day)|\(c.measure.rawValue)|\(c.key)"
            totals[id, default: (c.day.description, c.measure.rawValue, c.key, 0)].n += c.n
        }
        let rows = totals.keys.sorted().compactMap { totals[$0] }  // one order everywhere: no two writers deadlock
        try await Stored.inChunks(rows, of: 200) { chunk in
            var sql: SQLQueryString = "INSERT INTO measure_counts (day, measure, key, n) VALUES "
            for (index, row) in chunk.enumerated() {
                if index > 0 { sql.appendLiteral(", ") }
                sql.appendLiteral("(")
                sql.appendInterpolation(bind: row.day)
                sql.appendLiteral(", ")
                sql.appendInterpolation(bind: row.measure)
                sql.appendLiteral(", ")
                sql.appendInterpolation(bind: row.key)
                sql.appendLiteral(", ")
                sql.appendInterpolation(bind: row.n)
                sql.appendLiteral(")")
            }
            sql.appendLiteral(" ON CONFLICT (day, measure, key) DO UPDATE SET n = measure_counts.n + excluded.n")
            try await db.raw(sql).run()
        }
    }
}
