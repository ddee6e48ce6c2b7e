import AppealsDomain
import Foundation

/// Sends an email (SMTP in production). Returns once the server has accepted the message.
public protocol EmailTransport: Sendable {
    func send(_ message: EmailMessage) async throws
}

/// Sends a text message through a provider. Returns once the provider has accepted it.
public protocol TextMessageProvider: Sendable {
    func send(to number: String, body: String, id: String) async throws
}

/// Why a message did not go: `permanent` when trying again cannot help (the server refused the address).
public struct DeliveryError: Error, Sendable, CustomStringConvertible {
    public let permanent: Bool
    public let detail: String
    public init(permanent: Bool, detail: String) {
        self.permanent = permanent
        self.detail = detail
    }
    public var description: String { detail }
}

/// A message's words for each channel (`templates/email/`, `templates/sms/`), with the words staff wrote when it is
/// a `staffMessage`.
public protocol MessageComposer: Sendable {
    func compose(_ kind: NotificationKind, status: CaseStatus, contact: AppealDetails, message: String?) throws -> ComposedMessage
    /// Staff's answer to a message no case was found for: their words in a frame that asks for the case reference.
    func composeAnswer(_ words: String, subject: String) throws -> ComposedMessage
}
