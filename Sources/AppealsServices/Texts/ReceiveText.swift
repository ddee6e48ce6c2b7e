import AppealsDomain
import Foundation

/// What the SMS provider's webhook brings, once it has been verified as the provider's: a citizen's text, or a
/// delivery receipt for one of ours.
///
/// - A text is stored once under the provider's id (a webhook retried or replayed is not stored twice). From a
///   number with one open case it lands on that case (the answer when the case waits for one); from a number with
///   none or several it goes to the Unmatched messages queue with why.
/// - STOP (and its synonyms) stops texts to that number: every case of the number is switched to e-mail, or to
///   the post when it has no e-mail, and no text goes to it again, until START (or UNSTOP) switches back the cases
///   STOP switched. HELP is answered with who we are.
/// - A receipt marks our text delivered, or failed (an acknowledgement then goes by letter, as after a bounce).
public struct ReceiveText: Sendable {
    let inbox: any InboxStore
    let reply: CitizenReply
    let clock: any WallClock
    let defaultCallingCode: String
    let hold: TimeInterval

    public init(inbox: any InboxStore, engine: CaseEngine, clock: any WallClock, defaultCallingCode: String, hold: TimeInterval = 600) {
        self.inbox = inbox
        self.reply = CitizenReply(engine: engine, clock: clock)
        self.clock = clock
        self.defaultCallingCode = defaultCallingCode
        self.hold = hold
    }

    /// A text as the provider reports it.
    public struct Text: Sendable {
        public var providerID: String
        public var from: String
        public var body: String
        public init(providerID: String, from: String, body: String) {
            self.providerID = providerID
            self.from = from
            self.body = body
        }
    }

    public enum Outcome: Sendable, Equatable {
        case stored(InboundMessage.Disposition, CaseReference?)
        /// STOP: texts to the number stopped, on these cases.
        case stopped([CaseReference])
        /// START: texts to the number again, these cases switched back to texts.
        case started([CaseReference])
        /// HELP: the webhook answers with who we are.
        case help
        case duplicate
        case busy
    }

    public func callAsFunction(_ text: Text) async throws -> Outcome {
        let number = MobileNumber(text.from, defaultCallingCode: defaultCallingCode)?.e164 ?? String(text.from.prefix(40))
        let body = String(text.body.prefix(5_000))
        let message = InboundMessage(
            key: "sms:" + text.providerID.prefix(100), channel: .sms, receivedAt: clock.now(), sender: number, subject: "", newText: body,
            fullText: body, disposition: .unmatched)
        let id: String
        switch try await inbox.claim(message, now: clock.now(), until: clock.now().addingTimeInterval(hold)) {
        case .finished: return .duplicate
        case .busy: return .busy
        case .claimed(let claimed, _): id = claimed
        }
        do {
            return try await act(on: message, id: id)
        } catch {
            // Let go at once, so that the provider's retry takes it up.
            try? await inbox.release(id)
            throw error
        }
    }

    func act(on message: InboundMessage, id: String) async throws -> Outcome {
        var message = message
        let (number, body) = (message.sender, message.newText)
        switch TextKeyword(body) {
        case .stop:
            message.disposition = .keyword
            let cases = try await inbox.stopTexts(number, at: clock.now(), interaction: reply.entry(.textsStopped, body, by: .sms))
            return try await finish(id, message) ? .stopped(cases) : .duplicate
        case .start:
            message.disposition = .keyword
            let cases = try await inbox.startTexts(number, interaction: reply.entry(.textsStarted, body, by: .sms))
            return try await finish(id, message) ? .started(cases) : .duplicate
        case .help:
            message.disposition = .keyword
            return try await finish(id, message) ? .help : .duplicate
        case nil:
            let open = try await inbox.openCases(mobile: number)
            guard open.count == 1, let reference = open.first else {
                message.why = open.isEmpty ? .noCase : .severalCases
                return try await finish(id, message) ? .stored(.unmatched, nil) : .duplicate
            }
            message.reference = reference
            message.disposition = .onCase
            let entry = try await reply.land(body, on: reference, by: .sms)
            return try await finish(id, message, interaction: entry) ? .stored(.onCase, reference) : .duplicate
        }
    }

    /// A delivery receipt for our text `outboxID` (the provider's `MessageStatus`: queued, sent, delivered,
    /// undelivered, failed …). Receipts for the same text may come more than once and out of order; each changes
    /// the message once at most.
    public func receipt(outboxID: String, status: String, errorCode: String?) async throws {
        switch status {
        case "delivered":
            _ = try await inbox.markDelivered(outboxID, at: clock.now())
        case "undelivered", "failed":
            let detail = RecordWords.textNotDelivered.inEnglish(["code": String((errorCode ?? "?").prefix(20))])
            let entry = Interaction(
                at: clock.now(), channel: .sms, direction: .inbound, actor: "system", kind: .messageFailed, summary: detail, isPublic: false
            )
            _ = try await inbox.markReturned(outboxID, error: detail, interaction: entry, at: clock.now())
        default:
            break
        }
    }

    func finish(_ id: String, _ message: InboundMessage, interaction: Interaction? = nil) async throws -> Bool {
        try await inbox.finish(id, message, interaction: interaction)
    }
}
