import AppealsDomain
import Foundation

/// The answers of an appeal in progress, as the citizen typed them (so that every error page shows them back).
struct AppealDraft: Codable, Sendable {
    var ticketNumber: String?
    /// When the ticket form was last shown, for the minimum fill time.
    var ticketFormShownAt: Date?
    var ticketInput = ""
    var plateInput = ""
    var late = false
    var grounds: [String] = []
    var statement = ""
    var lateReason = ""
    var name = ""
    var address = ""
    var email = ""
    var mobile = ""
    var channel = "letter"
    var detailsDone = false
    var contactDone = false
    /// Set once filed: a second submit of the same draft shows the same confirmation.
    var submitted: String?

    static let maximumStatement = 5_000

    /// What is wrong with the details step, if anything.
    func detailsProblems() -> DetailsProblems {
        DetailsProblems(
            noGround: grounds.compactMap(Ground.init(rawValue:)).isEmpty,
            noStatement: statement.trimmingSpaces.isEmpty,
            statementTooLong: statement.count > Self.maximumStatement,
            noLateReason: late && lateReason.trimmingSpaces.isEmpty
        )
    }

    func contactProblems(callingCode: String) -> ContactProblems {
        let emailGiven = !email.trimmingSpaces.isEmpty
        let mobileGiven = !mobile.trimmingSpaces.isEmpty
        return ContactProblems(
            noName: name.trimmingSpaces.isEmpty,
            noAddress: address.trimmingSpaces.isEmpty,
            badEmail: emailGiven && EmailAddress(email) == nil,
            badMobile: mobileGiven && MobileNumber(mobile, defaultCallingCode: callingCode) == nil,
            emailNeeded: channel == "email" && !emailGiven,
            mobileNeeded: channel == "sms" && !mobileGiven
        )
    }

    struct DetailsProblems: Sendable {
        var noGround, noStatement, statementTooLong, noLateReason: Bool
        var any: Bool { noGround || noStatement || statementTooLong || noLateReason }
    }

    struct ContactProblems: Sendable {
        var noName, noAddress, badEmail, badMobile, emailNeeded, mobileNeeded: Bool
        var any: Bool { noName || noAddress || badEmail || badMobile || emailNeeded || mobileNeeded }
    }
}
