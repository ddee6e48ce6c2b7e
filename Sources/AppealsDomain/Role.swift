import Foundation

/// Who may do what (docs/DOMAIN.md, "People and roles"). One person may hold several roles.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case citizen
    case phoneAgent = "phone_agent"
    case reviewer
    case supervisor
    case clerk
    case administrator
    case auditor
    /// The product itself: the deadline sweeper and automatic rules.
    case system
}
