import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct StaffAdminPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    let staff: [Member]
    let roles: [RoleChoice]
    let form: StaffForm
    let createdID: String?
    let createdPassword: String?

    struct Member: Sendable, Encodable { let id, name, email, roles: String; let active, isSelf: Bool }
    struct RoleChoice: Sendable, Encodable { let code, label: String; let checked: Bool }
}
