import AppealsDomain
import Foundation

/// A message a citizen (or a mail server on their behalf) sent us, as stored once and shown to staff.
public struct InboundMessage: Sendable, Equatable {
    /// Where the message went.
    public enum Disposition: String, Sendable, CaseIterable {
        /// On a case's timeline (and, answering a request for information, the citizen's answer).
        case onCase = "on_case"
        /// To the Unmatched messages queue, for an agent or a clerk to attach to a case.
        case unmatched
        /// An automatic answer (out of office, a delay report): recorded, changes nothing.
        case autoReply = "auto_reply"
        /// A mail server's report that one of our messages could not be delivered: that message is marked failed.
        case bounce
        /// A text that is an instruction (STOP, HELP), acted on; nothing for staff to read.
        case keyword
    }

    /// Why a message went to the unmatched queue.
    public enum Why: String, Sendable, CaseIterable {
        /// No token, and no case reference in the subject from that case's own address.
        case noCase = "no_case"
        /// A token this server did not make, or for a message it never sent.
        case forgedToken = "forged_token"
        /// A text from a number that several open cases have.
        case severalCases = "several_cases"
    }

    /// The row's id (empty until stored).
    public var id = ""
    /// Stored once: `email:<Message-ID>`, or a hash of the message's bytes when it has no Message-ID.
    public var key: String
    public var channel: Channel
    public var receivedAt: Date
    /// The address or number it came from, and the sender's name when the message gives one.
    public var sender: String
    public var senderName: String?
    public var subject: String
    /// The sender's own new words; `fullText` keeps the quoted history and the signature as they came.
    public var newText: String
    public var fullText: String
    public var disposition: Disposition
    public var reference: CaseReference?
    /// The outgoing message it answers or reports on.
    public var outboxID: String?
    /// Files it carried, kept as the case's evidence when it landed on a case.
    public var attachments: Int
    public var why: Why?
    /// When a member of staff first opened the case after it came (nil: not yet).
    public var readAt: Date?

    /// The owner of the files of a message no case was found for (as a draft's files are owned by the draft), so
    /// that they go with the message when staff attach it, and the evidence sweep leaves them alone meanwhile.
    public static func filesKey(_ id: String) -> String { "message:" + id }

    public init(
        key: String, channel: Channel, receivedAt: Date, sender: String, senderName: String? = nil, subject: String, newText: String,
        fullText: String, disposition: Disposition, reference: CaseReference? = nil, outboxID: String? = nil, attachments: Int = 0,
        why: Why? = nil
    ) {
        self.key = key
        self.channel = channel
        self.receivedAt = receivedAt
        self.sender = sender
        self.senderName = senderName
        self.subject = subject
        self.newText = newText
        self.fullText = fullText
        self.disposition = disposition
        self.reference = reference
        self.outboxID = outboxID
        self.attachments = attachments
        self.why = why
    }
}
