import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct StaffHomePage: Sendable, Encodable {
    let nav: StaffNav
}
