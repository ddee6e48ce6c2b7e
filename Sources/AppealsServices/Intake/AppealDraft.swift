import AppealsDomain
import Foundation

/// The answers of an appeal in progress (the citizen's journey, and inside a staff member's ``IntakeDraft``), as the citizen typed them (so that every error page shows them back).
public struct AppealDraft: Codable, Sendable {
    public init() {}

    public var ticketNumber: String?
    /// When the ticket form was last shown, for the minimum fill time.
    public var ticketFormShownAt: Date?
    public var ticketInput = ""
    public var plateInput = ""
    public var late = false
    public var grounds: [String] = []
    public var statement = ""
    public var lateReason = ""
    public var name = ""
    public var address = AddressFields()
    public var email = ""
    public var mobile = ""
    public var channel = "letter"
    public var detailsDone = false
    public var contactDone = false
    /// Set once filed: a second submit of the same draft shows the same confirmation. Filing empties the draft of
    /// everything else but where the acknowledgement goes, and showing the confirmation deletes it.
    public var submitted: String?
    /// A ticket form came back faster than a person types, or with the hidden field filled in (autofill does that
    /// too): the person was asked to press Continue again, and the next press is taken as theirs.
    public var askedToConfirm = false
    /// Bytes of every file sent with this draft, kept or removed: a draft may not upload for ever.
    public var uploadedBytes = 0

    public static let maximumStatement = 5_000

    /// What is left of a draft once its appeal is filed: the reference and where the acknowledgement goes.
    public func filed(as reference: CaseReference) -> AppealDraft {
        var filed = AppealDraft()
        filed.submitted = reference.value
        filed.channel = channel
        filed.email = channel == "email" ? email : ""
        filed.mobile = channel == "sms" ? mobile : ""
        return filed
    }

    /// The answers as the case keeps them (checked first: see the problems below).
    public func details(callingCode: String) -> AppealDetails {
        AppealDetails(
            statement: statement.trimmingSpaces, lateReason: late ? lateReason.trimmingSpaces : nil,
            contactName: name.trimmingSpaces, address: address.address,
            email: EmailAddress(email)?.value, mobile: MobileNumber(mobile, defaultCallingCode: callingCode)?.e164,
            preferredChannel: AppealDetails.PreferredChannel(rawValue: channel) ?? .letter
        )
    }

    /// What is wrong with the details step, if anything.
    public func detailsProblems() -> DetailsProblems {
        DetailsProblems(
            noGround: grounds.compactMap(Ground.init(rawValue:)).isEmpty,
            noStatement: statement.trimmingSpaces.isEmpty,
            statementTooLong: statement.count > Self.maximumStatement,
            noLateReason: late && lateReason.trimmingSpaces.isEmpty
        )
    }

    public func contactProblems(callingCode: String) -> ContactProblems {
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

    public struct DetailsProblems: Sendable {
        public var noGround, noStatement, statementTooLong, noLateReason: Bool
        public var any: Bool { noGround || noStatement || statementTooLong || noLateReason }
    }

    /// `nameNotOneLine`: a line break or a control character in the name (``SingleLineText``).
    public struct ContactProblems: Sendable {
        public var noName, nameNotOneLine: Bool
        public var address: Set<PostalAddress.Problem>
        public var badEmail, badMobile, emailNeeded, mobileNeeded: Bool
        public var any: Bool { noName || nameNotOneLine || !address.isEmpty || badEmail || badMobile || emailNeeded || mobileNeeded }
    }
}
