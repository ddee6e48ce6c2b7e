import AppealsDomain
import AppealsServices
import Foundation

struct ContactPage: Sendable, Encodable {
    let csrf: String
    let name: String
    let address: String
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
    var noAddress = false
    var badEmail = false
    var badMobile = false
    var emailNeeded = false
    var mobileNeeded = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        name = draft.name
        address = draft.address
        email = draft.email
        mobile = draft.mobile
        letter = draft.channel == "letter"
        byEmail = draft.channel == "email"
        bySMS = draft.channel == "sms"
        hasEmail = !draft.email.trimmingSpaces.isEmpty
        hasMobile = !draft.mobile.trimmingSpaces.isEmpty
    }

    mutating func show(_ problems: AppealDraft.ContactProblems) {
        hasErrors = problems.any
        noName = problems.noName
        nameNotOneLine = problems.nameNotOneLine
        noAddress = problems.noAddress
        badEmail = problems.badEmail
        badMobile = problems.badMobile
        emailNeeded = problems.emailNeeded
        mobileNeeded = problems.mobileNeeded
    }
}
