import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The Unmatched messages queue: each message as it came, with why it is here and a form to put it on a case.
struct UnmatchedMessagesPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    var messages: [Item]
    let count: Int
    var isEmpty: Bool
    var more: Bool
    /// Someone else put the message on a case a moment ago.
    var attachedAlready = false
    /// An answer was queued a moment ago (the page after it).
    var answered = false
    let answerLimit = WriteToCitizen.maximumLength

    struct Item: Sendable, Encodable {
        let id: String
        let received: String
        let sender: String
        let senderName: String?
        let subject: String
        let newText: String
        let fullText: String
        let why: Label
        /// Files it carried ("0" would still open a Mustache section, hence the flag).
        let attachments: Int
        let hasAttachments: Bool
        let attachURL: String
        let answerURL: String
        /// A text has no subject; its sender is a number.
        let isText: Bool
        /// Find a case, searching for the sender (a number finds the cases that gave it).
        let searchURL: String
        /// What was typed into this message's form when it was refused, and why.
        var reference = ""
        var referenceInvalid = false
        var noSuchCase = false
        /// The answer as typed when it was refused, and why.
        var answer = ""
        var answerEmpty = false
        var answerTooLong = false
        var hasError = false
    }

    init(nav: StaffNav, waiting: (messages: [InboundMessage], count: Int), calendar: BusinessCalendar) {
        self.nav = nav
        csrf = nav.csrf
        count = waiting.count
        isEmpty = waiting.messages.isEmpty
        more = waiting.count > waiting.messages.count
        messages = waiting.messages.map { message in
            Item(
                id: message.id, received: LongDate.moment(message.receivedAt, calendar), sender: message.sender,
                senderName: message.senderName, subject: message.subject, newText: message.newText, fullText: message.fullText,
                why: Label(message.why ?? .noCase), attachments: message.attachments, hasAttachments: message.attachments > 0,
                attachURL: StaffURL.messageAttachment(.value(message.id)).path,
                answerURL: StaffURL.messageAnswer(.value(message.id)).path, isText: message.channel == .sms,
                searchURL: StaffURL.agent.path(
                    query: "q=" + (message.sender.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
        }
    }
}
