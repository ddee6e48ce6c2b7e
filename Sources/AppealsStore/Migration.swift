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

/// Why migrations cannot be applied: the server refuses to start rather than run on a schema it does not know.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int, [String])
    case missingVersion(Int)
    case editedAfterApplied(fileName: String, applied: String, now: String)
    case appliedButMissing(version: Int, fileName: String)
    case unreadableFolder(String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            "Migration file \(name) is not named NNNN_name.sql (or NNNN_name.sqlite.sql / NNNN_name.postgres.sql)."
        case .duplicateVersion(let version, let names):
            "Migration number \(String(format: "%04d", version)) is used by more than one file: \(names.joined(separator: ", "))."
        case .missingVersion(let version):
            "Migration \(String(format: "%04d", version)) is missing: the numbers must run 0001, 0002, … without a gap."
        case .editedAfterApplied(let name, let applied, let now):
            "Migration \(name) was changed after it was applied (applied checksum \(applied.prefix(12))…, file now "
                + "\(now.prefix(12))…). Migrations are forward-only: restore the file and put the change in a new migration."
        case .appliedButMissing(let version, let name):
            "Migration \(String(format: "%04d", version)) (\(name)) is recorded as applied but its file is gone. "
                + "Restore it: this build does not match the database."
        case .unreadableFolder(let path): "Cannot read the migrations folder \(path)."
        }
    }
}

/// Splits an SQL script into statements.
enum SQLScript {
    static func split(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var chars = Array(script)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            if c == "'" || c == "\"" {
                current.append(c)
                i += 1
                while i < chars.count {
                    current.append(chars[i])
                    if chars[i] == c { break }
                    i += 1
                }
                i += 1
                continue
            }
            if c == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}
