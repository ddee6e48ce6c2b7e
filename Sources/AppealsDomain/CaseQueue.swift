import Foundation

/// Which queue a case waits in when nobody works it.
public enum CaseQueue: String, Sendable, Codable, CaseIterable, Hashable {
    case team
    /// Breached cases go here, for a supervisor to act on.
    case supervisor
}
