import Foundation

/// Which engine holds the data, and where.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file on this machine (the embedded default).
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://user:password@host:port/database?sslmode=…` URL.
    case postgres(url: String)

    public var engine: DatabaseEngine {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// Never prints a password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}
