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
/// A message is stored under its Message-ID, last of all, so a second delivery of it is skipped. A receiver that
/// dies after acting on a message but before storing it acts again on the next delivery: the answer is then no
/// longer awaited (the case moved on), so it lands as a message; its files are kept again (a known gap).
public struct ReceiveMessage: Sendable {
    let inbox: any InboxStore
    let contacts: any CaseContacts
    let engine: CaseEngine
    let evidence: ReceiveEvidence
    let replyAddress: ReplyAddress?
    let clock: any WallClock
    let random: any RandomSource
    let logger: Logger

    public init(
        inbox: any InboxStore, contacts: any CaseContacts, engine: CaseEngine, evidence: ReceiveEvidence, replyAddress: ReplyAddress?,
        clock: any WallClock, random: any RandomSource, logger: Logger
    ) {
        self.inbox = inbox
        self.contacts = contacts
        self.engine = engine
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
    }

    /// An RFC 5322 message, as the mailbox holds it.
    public func email(_ bytes: [UInt8]) async throws -> Outcome {
        let mail = try InboundEmail.parse(bytes)
        let key =
            "email:"
            + (mail.messageID.map { String($0.prefix(300)) } ?? SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        guard try await !inbox.isStored(key: key) else { return .duplicate }
        var message = InboundMessage(
            key: key, channel: .email, receivedAt: clock.now(), sender: mail.from?.address ?? "", senderName: mail.from?.name,
            subject: String(mail.subject.prefix(500)), newText: String(mail.newText.prefix(20_000)),
            fullText: String(mail.text.prefix(100_000)),
            disposition: .unmatched, attachments: mail.attachments.count)
        if let report = mail.deliveryReport { return try await returned(report, message) }
        let (reference, why) = try await matchCase(mail)
        message.reference = reference
        if mail.isAutomatic {
            message.disposition = .autoReply
            return try await store(message, interaction: reference == nil ? nil : fromCitizen(.autoReplyReceived, message.subject))
        }
        message.why = why
        guard let reference else { return try await store(message, interaction: nil) }
        message.disposition = .onCase
        for file in mail.attachments { try await keep(file, on: reference) }
        let said = message.newText.isEmpty ? message.subject : message.newText
        do {
            _ = try await engine.apply(
                .citizenResponded, to: reference, by: .citizen,
                interaction: fromCitizen(.informationProvided, said, isPublic: true))
            return try await store(message, interaction: nil)
        } catch is WorkflowError {
            // Not waiting for an answer: the message lands on the timeline for staff to read.
            return try await store(message, interaction: fromCitizen(.messageReceived, said))
        }
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

    /// Every well-formed case reference a subject names ("Re: your appeal K7M-4QX-9TC").
    static func references(in subject: String) -> [CaseReference] {
        subject.matches(of: /[A-Za-z0-9]{3}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{3}/).compactMap { CaseReference(String($0.output)) }
    }

    func returned(_ report: DeliveryReport, _ message: InboundMessage) async throws -> Outcome {
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
        return try await store(message, interaction: nil)
    }

    /// An attachment through the evidence pipeline, as the case's file; a refused one is logged and left out.
    func keep(_ file: MailAttachment, on reference: CaseReference) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("appeals-mail-\(random.next())")
        try Data(file.data).write(to: url)
        do {
            _ = try await evidence(file: url, size: file.data.count, originalName: file.filename, owner: .filed(reference))
        } catch let rejection as EvidenceRejection {
            logger.notice("an emailed file was refused", metadata: ["case": "\(reference.value)", "why": "\(rejection)"])
        }
    }

    /// A timeline entry for what the citizen's e-mail said (staff only unless `isPublic`).
    func fromCitizen(_ kind: InteractionKind, _ said: String, isPublic: Bool = false) -> Interaction {
        Interaction(
            at: clock.now(), channel: .email, direction: .inbound, actor: "citizen", kind: kind, summary: String(said.prefix(5_000)),
            isPublic: isPublic)
    }

    func store(_ message: InboundMessage, interaction: Interaction?) async throws -> Outcome {
        guard try await inbox.store(message, interaction: interaction) else { return .duplicate }
        return .stored(message.disposition, message.reference)
    }
}
