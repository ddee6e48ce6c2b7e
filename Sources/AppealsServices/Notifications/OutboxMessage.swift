import AppealsDomain
import Foundation

/// One message of the outbox, as a sender holds it.
public struct OutboxMessage: Sendable, Equatable {
    public let id: String
    /// The case it is about; nil for an answer to an unmatched message (``answer``).
    public let reference: CaseReference?
    public let kind: NotificationKind
    public let createdAt: Date
    /// Attempts so far, this one included.
    public let attempts: Int
    /// Why the last attempt failed.
    public let lastError: String?
    /// The words staff wrote (a `staffMessage`).
    public let body: String?
    /// Where an answer to an unmatched message goes (it has no case to find the citizen by).
    public let answer: Answer?

    public struct Answer: Sendable, Equatable {
        /// The sender's e-mail address or mobile number (E.164), as the message came from.
        public let address: String
        /// "Re: " and the subject they wrote (empty for a text).
        public let subject: String
        public init(address: String, subject: String) {
            self.address = address
            self.subject = subject
        }
    }

    public init(
        id: String, reference: CaseReference?, kind: NotificationKind, createdAt: Date, attempts: Int, lastError: String?,
        body: String? = nil, answer: Answer? = nil
    ) {
        self.body = body
        self.answer = answer
        self.id = id
        self.reference = reference
        self.kind = kind
        self.createdAt = createdAt
        self.attempts = attempts
        self.lastError = lastError
    }
}

/// A message's words: the email's subject, plain-text and HTML bodies, and the text message.
public struct ComposedMessage: Sendable, Equatable {
    public let subject: String
    public let text: String
    public let html: String
    public let sms: String
    public init(subject: String, text: String, html: String, sms: String) {
        self.subject = subject
        self.text = text
        self.html = html
        self.sms = sms
    }
}
