import AppealsDomain
import Foundation

/// What the citizen tells us when they appeal, besides the grounds.
public struct AppealDetails: Sendable, Equatable {
    public var statement: String
    public var lateReason: String?
    public var contactName: String
    /// The address as one text, a line each (pages, search, the audit trail): `address`'s text when it has parts.
    public var postalAddress: String
    /// The address in its parts, as letters need it; nil for an old one-field address that could not be split (a
    /// clerk checks it: no letter goes until it is corrected).
    public var address: PostalAddress?
    public var email: String?
    /// E.164, e.g. +12125550123.
    public var mobile: String?
    public var preferredChannel: PreferredChannel
    public var language: String

    public enum PreferredChannel: String, Sendable, CaseIterable { case letter, email, sms }

    /// How the acknowledgement goes (docs/DOMAIN.md): by email or text when that is the citizen's choice and they gave the
    /// address or number, by letter otherwise.
    public var acknowledgementChannel: PreferredChannel {
        switch preferredChannel {
        case .email where email != nil: .email
        case .sms where mobile != nil: .sms
        default: .letter
        }
    }

    public init(
        statement: String, lateReason: String? = nil, contactName: String, postalAddress: String = "", address: PostalAddress? = nil,
        email: String? = nil,
        mobile: String? = nil, preferredChannel: PreferredChannel = .letter, language: String = "en"
    ) {
        self.statement = statement
        self.lateReason = lateReason
        self.contactName = contactName
        // An address given in parts is the truth; one given as text is split when that can be done without guessing.
        self.address = address ?? PostalAddress.split(postalAddress)
        self.postalAddress = address?.text ?? postalAddress
        self.email = email
        self.mobile = mobile
        self.preferredChannel = preferredChannel
        self.language = language
    }
}
