import AppealsDomain
import Foundation

/// The Unmatched messages queue: what arrived without naming a case it could be trusted to (no token, a forged
/// one, a reference from another address), for an agent, a clerk or a supervisor to read and put on the case the
/// search finds. Attaching is audited, and the message then reads on the case's timeline like any reply.
public struct UnmatchedMessages: Sendable {
    let inbox: any InboxStore
    let cases: any CaseStore
    let clock: any WallClock

    public init(inbox: any InboxStore, cases: any CaseStore, clock: any WallClock) {
        self.inbox = inbox
        self.cases = cases
        self.clock = clock
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
        return try await inbox.attach(id, to: reference, interaction: entry, audit: audit)
    }
}
