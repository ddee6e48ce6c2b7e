import Foundation

/// What a decision does to the ticket.
public enum Outcome: String, Sendable, Codable, CaseIterable, Hashable {
    case cancelled
    case reduced
    case upheld
}
