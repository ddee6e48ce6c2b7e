import Foundation

/// Whether the portal can serve: the database answers and every migration is applied.
public enum Readiness: Sendable, Equatable {
    case ready
    case migrationsPending
    /// The database cannot be reached, or its schema is not this build's; the detail is for the log only.
    case unavailable(detail: String)
}
