import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct HolidaysPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    let holidays: [Holiday]
    let empty: Bool
    let problem: Bool
    let typedDay: String
    let typedName: String

    struct Holiday: Sendable, Encodable { let day, long, name: String }
}
