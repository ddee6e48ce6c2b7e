import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

struct PoliciesPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    let problem: Bool
    let policies: [Policy]

    struct Policy: Sendable, Encodable {
        let kind: String; let label: Label; let length: Int; let businessDays: Bool; let warning, version: Int
    }
}
