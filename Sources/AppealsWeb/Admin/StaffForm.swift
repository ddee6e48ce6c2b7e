import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct StaffForm: Sendable, Encodable {
    var name = ""
    var email = ""
    var roles: [String] = []
    var nameMissing = false
    var emailInvalid = false
    var emailTaken = false
    var noRole = false
    var hasErrors = false
}
