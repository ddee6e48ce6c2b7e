import AppealsDomain
import Foundation
import Metrics

/// The outbox's sender: claims due citizen messages, words each from the case's status by the citizen's chosen
/// channel (email or text message), sends it, and records success or failure on the case's timeline. A failed
/// attempt is tried again later, the wait doubling each time (30 s, 1 min, 2 min … at most an hour); after
/// `maxAttempts`, or at once when the server refuses for good, the message is given up on, which the case page
/// and the supervisors' warnings show (an acknowledgement then goes by letter instead). An accepted acknowledgement
/// acknowledges its case.
///
/// Exactly once: a message is held by one sender at a time (a lease), marked sent as soon as the server accepts
/// it, and claimed again only when its sender's lease ran out without a record (the sender died). A sender killed
/// before the server accepted the message leaves nothing delivered, so the next claim delivers it once. The one
/// window left is a death between the server's acceptance and the record, milliseconds long; the message then goes
/// again with the same Message-ID, which mail clients show once.
public struct DeliverNotifications: Sendable {
    let store: any NotificationStore
    let contacts: any CaseContacts
    let lookUp: LookUpStatus
    let composer: any MessageComposer
    let email: any EmailTransport
    let sms: any TextMessageProvider
    let acknowledge: AcknowledgeCase
    let clock: any WallClock
    let from: String
    /// The reply address of each email, when an inbound mailbox is set up (`INBOUND_EMAIL_ADDRESS`).
    let replyAddress: ReplyAddress?
    let sender: String
    let lease: TimeInterval
    let maxAttempts: Int

    public init(
        store: any NotificationStore, contacts: any CaseContacts, lookUp: LookUpStatus, composer: any MessageComposer,
        email: any EmailTransport, sms: any TextMessageProvider, acknowledge: AcknowledgeCase, clock: any WallClock, from: String,
        replyAddress: ReplyAddress? = nil, sender: String, lease: TimeInterval = 120, maxAttempts: Int = 8
    ) {
        self.replyAddress = replyAddress
        self.store = store
        self.contacts = contacts
        self.lookUp = lookUp
        self.composer = composer
        self.email = email
        self.sms = sms
        self.acknowledge = acknowledge
        self.clock = clock
        self.from = from
        self.sender = sender
        self.lease = lease
        self.maxAttempts = maxAttempts
    }

    /// The wait before attempt `attempts + 1`.
    public static func backoff(afterAttempt attempts: Int) -> TimeInterval { min(3_600, 30 * pow(2, Double(max(0, attempts - 1)))) }

    /// Sends up to `limit` due messages; how many were taken (sent, skipped, failed or put back for later), so
    /// that a caller can go on until none is left.
    @discardableResult
    public func run(limit: Int = 50) async throws -> Int {
        for message in try await store.acknowledgementsToApply(limit: 500) {
            if let reference = message.reference { try await acknowledge(reference, because: RecordWords.acknowledgementSent.english) }
            try await store.recordCaseUpdated(message.id, at: clock.now())
        }
        let now = clock.now()
        let claimed = try await store.claim(limit: limit, by: sender, now: now, leaseUntil: now.addingTimeInterval(lease))
        for message in claimed { try await deliver(message) }
        return claimed.count
    }

    /// Whether it was sent.
    @discardableResult
    func deliver(_ message: OutboxMessage) async throws -> Bool {
        guard let reference = message.reference else { return try await answer(message) }
        guard let contact = try await contacts.contact(of: reference) else {
            try await store.markSkipped(message.id, by: sender, reason: RecordWords.skippedNoContact.english)
            return false
        }
        guard let (channel, address) = try await contacts.outboxRoute(contact) else {
            // Texts chosen, but the number said STOP and there is no e-mail: a letter instead.
            guard contact.preferredChannel == .sms, contact.mobile != nil else {
                try await store.markSkipped(message.id, by: sender, reason: RecordWords.skippedPostChosen.english)
                return false
            }
            let entry = Interaction(
                at: clock.now(), channel: .sms, direction: .outbound, actor: "system", kind: .messageFailed,
                summary: RecordWords.textsStopped.english, isPublic: false)
            try await store.markFailed(
                message.id, by: sender, at: clock.now(), error: RecordWords.textsStopped.english, interaction: entry,
                letterInstead: message.kind == .acknowledgement ? .acknowledgement : nil)
            return false
        }
        guard let status = try await lookUp.status(of: reference) else {
            try await store.markSkipped(message.id, by: sender, reason: RecordWords.skippedNoCase.english)
            return false
        }
        if message.kind == .acknowledgement, status.events.contains(where: { $0.kind == .acknowledge }) {
            try await store.markSkipped(message.id, by: sender, reason: RecordWords.skippedAcknowledged.english)
            return false
        }
        let words = try composer.compose(message.kind, status: status, contact: contact, message: message.body)
        let replyTo = try await replyAddress?.address(for: reference, message: message.id)
        guard try await send(message, words, by: channel, to: address, replyTo: replyTo) else { return false }
        let name = RecordWords.name(message.kind)
        let entry = Interaction(
            at: clock.now(), channel: channel, direction: .outbound, actor: "system", kind: .messageSent,
            summary: RecordWords.messageSent.inEnglish(["message": name, "address": Self.masked(address)]), isPublic: true)
        guard try await store.markSent(message.id, by: sender, at: clock.now(), interaction: entry) else { return false }
        Counter(label: "appeals_messages_sent_total", dimensions: [("channel", channel.rawValue)]).increment()
        if message.kind == .acknowledgement {
            try await acknowledge(
                reference,
                because: RecordWords.acknowledgementSentBy.inEnglish([
                    "channel": (channel == .email ? RecordWords.byEmail : .byText).english
                ]))
            try await store.recordCaseUpdated(message.id, at: clock.now())
        }
        return true
    }

    /// Staff's answer to a message no case was found for: to the address or number it came from, by the same
    /// channel; a reply to it comes to the inbound mailbox without a token, so to the Unmatched queue again.
    func answer(_ message: OutboxMessage) async throws -> Bool {
        guard let answer = message.answer else {
            try await store.markSkipped(message.id, by: sender, reason: RecordWords.skippedNoCase.english)
            return false
        }
        let channel: Channel = answer.address.contains("@") ? .email : .sms
        if channel == .sms, try await contacts.textsStopped(answer.address) {
            try await store.markFailed(
                message.id, by: sender, at: clock.now(), error: RecordWords.textsStopped.english, interaction: nil, letterInstead: nil)
            return false
        }
        let words = try composer.composeAnswer(message.body ?? "", subject: answer.subject)
        guard try await send(message, words, by: channel, to: answer.address, replyTo: replyAddress?.mailbox),
            try await store.markSent(message.id, by: sender, at: clock.now(), interaction: nil)
        else { return false }
        Counter(label: "appeals_messages_sent_total", dimensions: [("channel", channel.rawValue)]).increment()
        return true
    }

    /// Sends the words by `channel`; false when it failed, the message then given back for a later attempt or, when
    /// the server refused it for good or the attempts are used up, given up on (with the timeline entry).
    func send(_ message: OutboxMessage, _ words: ComposedMessage, by channel: Channel, to address: String, replyTo: String?) async throws
        -> Bool
    {
        do {
            switch channel {
            case .email:
                try await email.send(
                    EmailMessage(
                        id: message.id, from: from, to: address, subject: words.subject, text: words.text, html: words.html,
                        date: clock.now(), replyTo: replyTo))
            default:
                try await sms.send(to: address, body: words.sms, id: message.id)
            }
            return true
        } catch {
            let detail = (error as? DeliveryError)?.detail ?? String(describing: error)
            let permanent = (error as? DeliveryError)?.permanent ?? false
            Counter(label: "appeals_message_send_failures_total", dimensions: [("channel", channel.rawValue)]).increment()
            if permanent || message.attempts >= maxAttempts {
                let entry = Interaction(
                    at: clock.now(), channel: channel, direction: .outbound, actor: "system", kind: .messageFailed,
                    summary: RecordWords.messageNotSent.inEnglish([
                        "message": RecordWords.name(message.kind), "address": Self.masked(address), "detail": detail,
                    ]),
                    isPublic: false)
                try await store.markFailed(
                    message.id, by: sender, at: clock.now(), error: detail, interaction: entry,
                    letterInstead: message.kind == .acknowledgement ? .acknowledgement : nil)
            } else {
                try await store.markRetry(
                    message.id, by: sender, next: clock.now().addingTimeInterval(Self.backoff(afterAttempt: message.attempts)),
                    error: detail)
            }
            return false
        }
    }

    /// An address as the timeline shows it: enough to recognise, not to copy ("l…@example.com", "+1203…0144").
    static func masked(_ address: String) -> String {
        if let at = address.firstIndex(of: "@") { return "\(address.prefix(1))…\(address[at...])" }
        return address.count > 8 ? "\(address.prefix(5))…\(address.suffix(4))" : address
    }
}
