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

    struct Member: Sendable, Encodable {
        let id, name, email, roles: String
        let active, isSelf: Bool
        /// The member's page, and the form that turns their account off or on.
        let link, activation: String

        init(id: StaffID, name: String, email: String, roles: String, active: Bool, isSelf: Bool) {
            (self.id, self.name, self.email, self.roles, self.active, self.isSelf) = (id.value, name, email, roles, active, isSelf)
            link = StaffURL.member(.value(id)).path
            activation = StaffURL.memberActivation(.value(id)).path
        }
    }
    struct RoleChoice: Sendable, Encodable { let code, label: String; let checked: Bool }
}
