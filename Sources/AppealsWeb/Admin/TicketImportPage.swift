import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct TicketImportPage: Sendable, Encodable {
    let nav: StaffNav
    var hasErrors = false
    var noFile = false
    var done = false
    var summary = ""
    var rejected: [String] = []
    var rejectedCount = 0
    var moreRejected = false
}
