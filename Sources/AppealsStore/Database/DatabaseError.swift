import Foundation

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
