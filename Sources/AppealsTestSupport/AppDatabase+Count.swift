import AppealsStore
import SQLKit

extension AppDatabase {
    /// The number a counting query returns in its column `n` (`SELECT COUNT(*) AS n FROM …`).
    public func count(_ sql: String) async throws -> Int {
        try await withConnection { try await $0.raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self) }
    }
}

extension AppDatabase {
    /// The texts a query returns in its column `v`.
    public func strings(_ sql: String) async throws -> [String] {
        try await withConnection { try await $0.raw(SQLQueryString(sql)).all().map { try $0.decode(column: "v", as: String.self) } }
    }
}
