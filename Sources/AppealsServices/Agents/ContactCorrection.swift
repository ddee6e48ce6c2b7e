import AppealsDomain
import Foundation

/// The citizen's contact details as a member of staff corrects them, checked like the citizen's own contact step.
public struct ContactCorrection: Sendable, Equatable {
    public let name: String
    public let address: PostalAddress
    public let email: String
    public let mobile: String
    public let channel: String

    public init(name: String, address: PostalAddress, email: String, mobile: String, channel: String) {
        self.name = name.trimmingSpaces
        self.address = address
        self.email = email.trimmingSpaces
        self.mobile = mobile.trimmingSpaces
        self.channel = channel
    }

    /// What is wrong with the details as typed (`nameNotOneLine`: a line break or a control character in the name,
    /// ``SingleLineText``).
    public enum Problem: String, Sendable, CaseIterable {
        /// The address has a problem of its own (``PostalAddress/problems``).
        case noName, nameNotOneLine, address, badEmail, badMobile, emailNeeded, mobileNeeded
    }

    public func problems(defaultCallingCode: String) -> Set<Problem> {
        var problems: Set<Problem> = []
        if name.isEmpty { problems.insert(.noName) }
        if SingleLineText.hasBreakOrControl(name) { problems.insert(.nameNotOneLine) }
        if !address.problems.isEmpty { problems.insert(.address) }
        if !email.isEmpty && EmailAddress(email) == nil { problems.insert(.badEmail) }
        if !mobile.isEmpty && MobileNumber(mobile, defaultCallingCode: defaultCallingCode) == nil { problems.insert(.badMobile) }
        if channel == "email" && email.isEmpty { problems.insert(.emailNeeded) }
        if channel == "sms" && mobile.isEmpty { problems.insert(.mobileNeeded) }
        return problems
    }

    /// The corrected details over `current` (the statement and language stay), when there is no problem.
    public func applied(to current: AppealDetails, defaultCallingCode: String) -> AppealDetails? {
        guard problems(defaultCallingCode: defaultCallingCode).isEmpty else { return nil }
        var details = current
        details.contactName = name
        details.address = address
        details.postalAddress = address.text
        details.email = email.isEmpty ? nil : EmailAddress(email)?.value
        details.mobile = mobile.isEmpty ? nil : MobileNumber(mobile, defaultCallingCode: defaultCallingCode)?.e164
        details.preferredChannel = AppealDetails.PreferredChannel(rawValue: channel) ?? .letter
        return details
    }
}
