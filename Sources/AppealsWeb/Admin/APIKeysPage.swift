import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct APIKeysPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    let problem: Bool
    let created: String?
    let empty: Bool
    let keys: [Key]

    struct Key: Sendable, Encodable { let id, name, prefix, createdBy, created: String; let revoked: String? }
}
