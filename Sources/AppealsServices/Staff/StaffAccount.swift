import AppealsDomain
import Foundation

/// A member of staff as sign-in and authorisation see them.
public struct StaffAccount: Sendable, Equatable {
    public let id: StaffID
    public let name: String
    public let email: String
    public let roles: Set<Role>
    public let active: Bool
    public let startedOn: LocalDate
    public let passwordHash: String?

    public init(id: StaffID, name: String, email: String, roles: Set<Role>, active: Bool, startedOn: LocalDate, passwordHash: String?) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.active = active
        self.startedOn = startedOn
        self.passwordHash = passwordHash
    }

    /// How this person acts on a case in a given role (their start date drives the first-month four-eyes rule).
    public func actor(as role: Role) -> Actor { Actor(role: role, staffID: id, startedOn: startedOn) }
}
