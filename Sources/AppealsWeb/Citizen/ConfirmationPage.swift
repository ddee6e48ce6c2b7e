import AppealsDomain
import AppealsServices
import Foundation

struct ConfirmationPage: Sendable, Encodable {
    let reference: String
    let acknowledgementBy: String
    let decisionBy: String
    let email: String?
    let sms: String?
}
