import AppealsDomain
import AppealsServices
import Foundation

struct ContactPage: Sendable, Encodable {
    let csrf: String
    let name: String
    var address: AddressFields.View
    /// The address as it will be printed on letters (the check page).
    let addressText: String
    let email: String
    let mobile: String
    let letter: Bool
    let byEmail: Bool
    let bySMS: Bool
    /// (Mustache treats an empty string as present.)
    let hasEmail: Bool
    let hasMobile: Bool
    var hasErrors = false
    var noName = false
    var nameNotOneLine = false
    var badEmail = false
    var badMobile = false
    var emailNeeded = false
    var mobileNeeded = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        name = draft.name
        address = draft.address.view(problems: [])
        addressText = draft.address.address.text
        email = draft.email
        mobile = draft.mobile
        letter = draft.channel == "letter"
        byEmail = draft.channel == "email"
        bySMS = draft.channel == "sms"
        hasEmail = !draft.email.trimmingSpaces.isEmpty
        hasMobile = !draft.mobile.trimmingSpaces.isEmpty
    }

    mutating func show(_ problems: AppealDraft.ContactProblems, draft: AppealDraft) {
        hasErrors = problems.any
        noName = problems.noName
        address = draft.address.view(problems: problems.address)
        nameNotOneLine = problems.nameNotOneLine
        badEmail = problems.badEmail
        badMobile = problems.badMobile
        emailNeeded = problems.emailNeeded
        mobileNeeded = problems.mobileNeeded
    }
}
