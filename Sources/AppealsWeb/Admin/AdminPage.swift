import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct AdminPage: Sendable, Encodable { let nav: StaffNav }
