import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Who may use a route: everyone, or signed-in staff holding one of the roles.
public enum AccessRule: Sendable, Equatable {
    case everyone
    case staff(Set<Role>)
}
