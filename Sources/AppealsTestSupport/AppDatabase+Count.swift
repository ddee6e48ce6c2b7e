import AppealsStore
import SQLKit

extension AppDatabase {
    /// The number a counting query returns in its column `n` (`SELECT COUNT(*) AS n FROM …`).
    public func count(_ sql: String) async throws -> Int {
        try await withConnection { try await $0.raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self) }
    }
}
