import Foundation

/// A member of staff, as the staff directory identifies them.
public struct StaffID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

/// Who may do what (DOMAIN.md, "People and roles"). One person may hold several roles.
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

/// The one acting on a case: their role for this action and, for staff, who they are.
public struct Actor: Hashable, Sendable, Codable {
    public let role: Role
    public let staffID: StaffID?
    /// For reviewers: when they started, for the first-month four-eyes rule.
    public let startedOn: LocalDate?

    public init(role: Role, staffID: StaffID? = nil, startedOn: LocalDate? = nil) {
        self.role = role
        self.staffID = staffID
        self.startedOn = startedOn
    }

    public static let citizen = Actor(role: .citizen)
    public static let system = Actor(role: .system)
}
