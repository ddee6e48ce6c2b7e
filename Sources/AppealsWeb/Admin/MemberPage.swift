import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct MemberPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    let id, name, email: String
    /// Where the form saves the member's roles and skills.
    let action: String
    let roles: [StaffAdminPage.RoleChoice]
    let skills: [StaffAdminPage.RoleChoice]
    let languages: String
    let noRole: Bool
}
