import Foundation

/// The two engines the store runs on. SQL differs between them only where a migration file says so.
public enum DatabaseEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgres
}
