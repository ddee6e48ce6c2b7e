import AppealsDomain
import AppealsServices
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
    var address = AddressFields()
    var email = ""
    var mobile = ""
    var channel = "letter"
    var detailsDone = false
    var contactDone = false
    /// Set once filed: a second submit of the same draft shows the same confirmation. Filing empties the draft of
    /// everything else but where the acknowledgement goes, and showing the confirmation deletes it.
    var submitted: String?
    /// A ticket form came back faster than a person types, or with the hidden field filled in (autofill does that
    /// too): the person was asked to press Continue again, and the next press is taken as theirs.
    var askedToConfirm = false
    /// Bytes of every file sent with this draft, kept or removed: a draft may not upload for ever.
    var uploadedBytes = 0

    static let maximumStatement = 5_000

    /// What is left of a draft once its appeal is filed: the reference and where the acknowledgement goes.
    func filed(as reference: CaseReference) -> AppealDraft {
        var filed = AppealDraft()
        filed.submitted = reference.value
        filed.channel = channel
        filed.email = channel == "email" ? email : ""
        filed.mobile = channel == "sms" ? mobile : ""
        return filed
    }

    /// The answers as the case keeps them (checked first: see the problems below).
    func details(callingCode: String) -> AppealDetails {
        AppealDetails(
            statement: statement.trimmingSpaces, lateReason: late ? lateReason.trimmingSpaces : nil,
            contactName: name.trimmingSpaces, address: address.address,
            email: EmailAddress(email)?.value, mobile: MobileNumber(mobile, defaultCallingCode: callingCode)?.e164,
            preferredChannel: AppealDetails.PreferredChannel(rawValue: channel) ?? .letter
        )
    }

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
            nameNotOneLine: SingleLineText.hasBreakOrControl(name),
            address: address.problems,
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

    /// `nameNotOneLine`: a line break or a control character in the name (``SingleLineText``).
    struct ContactProblems: Sendable {
        var noName, nameNotOneLine: Bool
        var address: Set<PostalAddress.Problem>
        var badEmail, badMobile, emailNeeded, mobileNeeded: Bool
        var any: Bool { noName || nameNotOneLine || !address.isEmpty || badEmail || badMobile || emailNeeded || mobileNeeded }
    }
}
