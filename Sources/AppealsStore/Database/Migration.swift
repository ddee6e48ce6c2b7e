import Crypto
import Foundation

/// One numbered SQL file from `migrations/`, as it applies to one engine.
public struct Migration: Sendable, Equatable {
    public let version: Int
    /// The file name, e.g. `0001_create_tickets.sql`.
    public let fileName: String
    public let sql: String
    /// SHA-256 of the file's bytes, hex: an applied file that changes is refused.
    public let checksum: String

    public init(version: Int, fileName: String, sql: String) {
        self.version = version
        self.fileName = fileName
        self.sql = sql
        self.checksum = hexString(SHA256.hash(data: Data(sql.utf8)))
    }

    /// The file's statements, split on semicolons outside quotes and comments (SQLite and PostgreSQL's
    /// extended protocol both take one statement at a time).
    public var statements: [String] { SQLScript.split(sql) }
}
