import Foundation

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
