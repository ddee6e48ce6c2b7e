import AppealsDomain
import Foundation

/// The Unmatched messages queue: what arrived without naming a case it could be trusted to (no token, a forged
/// one, a reference from another address), for an agent, a clerk or a supervisor to read and put on the case the
/// search finds. Attaching is audited, and the message then reads on the case's timeline like any reply.
public struct UnmatchedMessages: Sendable {
    let inbox: any InboxStore
    let cases: any CaseStore
    let engine: CaseEngine
    let clock: any WallClock
    let random: any RandomSource

    public init(inbox: any InboxStore, cases: any CaseStore, engine: CaseEngine, clock: any WallClock, random: any RandomSource) {
        self.engine = engine
        self.inbox = inbox
        self.cases = cases
        self.clock = clock
        self.random = random
    }

    public static let roles: Set<Role> = [.phoneAgent, .clerk, .supervisor]

    /// The oldest `limit` messages waiting, and how many wait in all.
    public func waiting(limit: Int) async throws -> (messages: [InboundMessage], count: Int) {
        try await inbox.unmatched(limit: limit)
    }

    /// Puts message `id` on the case `reference`; false when someone else attached it first. The case must exist.
    public func attach(_ id: String, to reference: CaseReference, by actor: Actor) async throws -> Bool {
        guard try await cases.load(reference) != nil else { throw AppError.notFound }
        guard let message = try await inbox.message(id), message.reference == nil else { return false }
        let said = message.newText.isEmpty ? message.subject : message.newText
        let entry = Interaction(
            at: clock.now(), channel: message.channel, direction: .inbound, actor: "citizen", kind: .messageReceived,
            summary: String(said.prefix(5_000)), isPublic: false)
        let audit = AuditEntry(
            caseReference: reference, at: clock.now(), actor: actor, event: CaseRecordEvent.messageAttached.rawValue, from: nil, to: nil,
            detail: "message=\(id) from=\(message.sender)")
        guard try await inbox.attach(id, to: reference, interaction: entry, audit: audit) else { return false }
        // Whoever works the case has not read it yet.
        try await engine.setMessageWaiting(true, on: reference)
        return true
    }

    /// Answers message `id`, by its own channel, to the address or number it came from: the words (checked as
    /// "Write to the citizen" checks them) in the answer's frame, sent once through the outbox; the message leaves
    /// the queue. False when it is not in the queue any more (attached or answered a moment ago by someone else).
    public func answer(_ id: String, with words: String, by actor: Actor) async throws -> Bool {
        let words = try WriteToCitizen.checked(words)
        guard let message = try await inbox.message(id), message.reference == nil, message.disposition == .unmatched,
            let staff = actor.staffID
        else { return false }
        let said = message.subject.trimmingCharacters(in: .whitespaces)
        let subject =
            message.channel == .sms ? "" : said.isEmpty ? "Your message to us" : said.lowercased().hasPrefix("re:") ? said : "Re: " + said
        let answer = OutboxMessage(
            id: WriteToCitizen.newID(random), reference: nil, kind: .unmatchedAnswer, createdAt: clock.now(), attempts: 0, lastError: nil,
            body: words, answer: .init(address: message.sender, subject: subject))
        let audit = AuditEntry(
            caseReference: nil, at: clock.now(), actor: actor, event: Self.answeredEvent, from: nil, to: nil,
            detail: "message=\(id) to=\(message.sender)")
        return try await inbox.answer(id, with: answer, by: staff, audit: audit)
    }

    /// The audit event of an answer (it has no case, so no ``CaseRecordEvent``).
    public static let answeredEvent = "unmatched_message_answered"
}
