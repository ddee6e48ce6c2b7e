import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct StaffForm: Sendable, Encodable {
    var name = ""
    var email = ""
    var roles: [String] = []
    var nameMissing = false
    /// A line break or a control character in the name (``SingleLineText``).
    var nameNotOneLine = false
    var emailInvalid = false
    var emailTaken = false
    var noRole = false
    var hasErrors = false
}
