import AppealsDomain
import Crypto
import Foundation
import Logging

/// One message a citizen (or a mail server) sent us, put where it belongs, once, whichever way it arrived (the
/// IMAP poller, the MTA's pipe to `appeals mail receive`):
///
/// - a delivery-failure report for one of our messages marks that message failed (an acknowledgement then goes by
///   letter, as when the mail server refused it at once); a delay report is only recorded;
/// - an automatic answer (RFC 3834 `Auto-Submitted`, out of office) is recorded and changes nothing;
/// - a reply whose token verifies, or that names a case reference in its subject from that case's own address,
///   lands on the case: its new words on the timeline, its files as the case's evidence, and, when the case waits
///   for the citizen's answer, it is that answer (the clock restarts, as with `/status/answer`);
/// - anything else goes to the Unmatched messages queue, with why.
///
/// Once: a message is claimed under its Message-ID before anything is done with it, and finished with its timeline
/// entry in one transaction, so a second delivery is skipped and two receivers never both act on it. A receiver
/// that dies in between leaves the claim; once its hold has run out, the next delivery goes on from where it
/// stopped (the files it kept are not kept again). The one window left is a death between the case taking the
/// answer and the finish, milliseconds long: the next delivery then adds the reply as a message.
public struct ReceiveMessage: Sendable {
    let inbox: any InboxStore
    let contacts: any CaseContacts
    let reply: CitizenReply
    let evidence: ReceiveEvidence
    let replyAddress: ReplyAddress?
    let clock: any WallClock
    let random: any RandomSource
    let logger: Logger
    /// How long a receiver holds a message it claimed before another may take it over (it died, say).
    let hold: TimeInterval

    public init(
        inbox: any InboxStore, contacts: any CaseContacts, engine: CaseEngine, evidence: ReceiveEvidence, replyAddress: ReplyAddress?,
        clock: any WallClock, random: any RandomSource, logger: Logger, hold: TimeInterval = 600
    ) {
        self.hold = hold
        self.inbox = inbox
        self.contacts = contacts
        self.reply = CitizenReply(engine: engine, clock: clock)
        self.evidence = evidence
        self.replyAddress = replyAddress
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// What became of a message.
    public enum Outcome: Sendable, Equatable {
        case stored(InboundMessage.Disposition, CaseReference?)
        /// The same message was stored before.
        case duplicate
        /// Another receiver is working on the same message now: it stays where it is, to be tried again later.
        case busy
    }

    /// An RFC 5322 message, as the mailbox holds it.
    public func email(_ bytes: [UInt8]) async throws -> Outcome {
        let mail = try InboundEmail.parse(bytes)
        let key =
            "email:"
            + (mail.messageID.map { String($0.prefix(300)) } ?? SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        let message = InboundMessage(
            key: key, channel: .email, receivedAt: clock.now(), sender: mail.from?.address ?? "", senderName: mail.from?.name,
            subject: String(mail.subject.prefix(500)), newText: String(mail.newText.prefix(20_000)),
            fullText: String(mail.text.prefix(100_000)),
            disposition: .unmatched, attachments: mail.attachments.count)
        let id: String
        let filesKept: Int
        switch try await inbox.claim(message, now: clock.now(), until: clock.now().addingTimeInterval(hold)) {
        case .finished: return .duplicate
        case .busy: return .busy
        case .claimed(let claimed, let kept): (id, filesKept) = (claimed, kept)
        }
        do {
            return try await act(on: mail, message, id: id, filesKept: filesKept)
        } catch {
            // Let go at once, so that the next delivery (the mail server's retry, the next poll) takes it up.
            try? await inbox.release(id)
            throw error
        }
    }

    /// What the claimed message does: its landing, its files, its answer, and its row finished.
    func act(on mail: InboundEmail, _ message: InboundMessage, id: String, filesKept: Int) async throws -> Outcome {
        var message = message
        if let report = mail.deliveryReport { return try await returned(report, message, id: id) }
        let (reference, why) = try await matchCase(mail)
        message.reference = reference
        if mail.isAutomatic {
            message.disposition = .autoReply
            return try await finish(
                id, message, interaction: reference == nil ? nil : reply.entry(.autoReplyReceived, message.subject, by: .email))
        }
        message.why = why
        // A message no case was found for keeps its files too, for staff to attach with it.
        let owner = reference.map(EvidenceOwner.filed) ?? .draft(key: InboundMessage.filesKey(id))
        for (index, file) in mail.attachments.enumerated() where index >= filesKept {
            try await keep(file, owner: owner)
            try await inbox.keptFiles(id, count: index + 1)
        }
        guard let reference else { return try await finish(id, message, interaction: nil) }
        message.disposition = .onCase
        let said = message.newText.isEmpty ? message.subject : message.newText
        return try await finish(id, message, interaction: try await reply.land(said, on: reference, by: .email))
    }

    /// The case a reply belongs to: by its token, or by a reference in the subject from that case's address.
    func matchCase(_ mail: InboundEmail) async throws -> (CaseReference?, InboundMessage.Why?) {
        if let replyAddress, let token = replyAddress.token(in: mail.to.map(\.address)) {
            guard let reference = try await inbox.caseOfOutgoing(token.messageID),
                try await replyAddress.verify(token, reference: reference)
            else { return (nil, .forgedToken) }
            return (reference, nil)
        }
        for reference in Self.references(in: mail.subject) {
            if let from = mail.from?.address, let email = try await contacts.contact(of: reference)?.email,
                email.lowercased() == from.lowercased()
            {
                return (reference, nil)
            }
        }
        return (nil, .noCase)
    }

    /// Built once: a regex literal is parsed again each time it is evaluated.
    nonisolated(unsafe) static let referencePattern = /[A-Za-z0-9]{3}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{3}/

    /// Every well-formed case reference a subject names ("Re: your appeal K7M-4QX-9TC").
    static func references(in subject: String) -> [CaseReference] {
        subject.matches(of: referencePattern).compactMap { CaseReference(String($0.output)) }
    }

    func returned(_ report: DeliveryReport, _ message: InboundMessage, id: String) async throws -> Outcome {
        var message = message
        message.disposition = .autoReply
        if report.failed, let original = report.originalMessageID, let at = original.firstIndex(of: "@") {
            let id = String(original[..<at]).lowercased()
            if let reference = try await inbox.caseOfOutgoing(id) {
                message.disposition = .bounce
                message.reference = reference
                message.outboxID = id
                let detail = String((report.diagnostic ?? report.recipient ?? "").prefix(300))
                let entry = Interaction(
                    at: clock.now(), channel: .email, direction: .inbound, actor: "system", kind: .messageFailed,
                    summary: RecordWords.messageReturned.inEnglish(["detail": detail]), isPublic: false)
                _ = try await inbox.markReturned(id, error: detail, interaction: entry, at: clock.now())
            }
        }
        return try await finish(id, message, interaction: nil)
    }

    /// An attachment through the evidence pipeline, as the case's file (or the unmatched message's); a refused one
    /// is logged and left out.
    func keep(_ file: MailAttachment, owner: EvidenceOwner) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("appeals-mail-\(random.next())")
        try Data(file.data).write(to: url)
        do {
            _ = try await evidence(file: url, size: file.data.count, originalName: file.filename, owner: owner)
        } catch let rejection as EvidenceRejection {
            logger.notice("an emailed file was refused", metadata: ["file": "\(file.filename)", "why": "\(rejection)"])
        }
    }

    func finish(_ id: String, _ message: InboundMessage, interaction: Interaction?) async throws -> Outcome {
        guard try await inbox.finish(id, message, interaction: interaction) else { return .duplicate }
        return .stored(message.disposition, message.reference)
    }
}
