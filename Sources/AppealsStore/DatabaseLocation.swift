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

/// The two engines the store runs on. SQL differs between them only where a migration file says so.
public enum DatabaseEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgres
}

/// The store cannot start or cannot carry on.
public enum DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case closed

    public var description: String {
        switch self {
        case .invalidURL(let url):
            "DATABASE_URL \"\(url)\" is not a postgres://user:password@host:port/database URL."
        case .closed: "The database connection pool is closed."
        }
    }
}
