import AppealsDomain
import Foundation

/// The outbox: messages to citizens queued with the change that causes them, claimed by a sender for a lease, then
/// marked sent, retried later or failed. Claims are conditional updates, so that several senders (server
/// instances, `appeals notifications send`) never hold the same message at once, and a message whose sender died
/// mid-delivery is claimed again when its lease runs out.
public protocol NotificationStore: Sendable {
    /// Up to `limit` citizen messages due now (pending and due, or claimed by a sender whose lease ran out), each
    /// now held by `sender` until `leaseUntil`, its attempt counted.
    func claim(limit: Int, by sender: String, now: Date, leaseUntil: Date) async throws -> [OutboxMessage]
    /// Marks a held message sent, with its timeline entry (none for an answer, which has no case); false when the sender no longer held it.
    func markSent(_ id: String, by sender: String, at: Date, interaction: Interaction?) async throws -> Bool
    /// Gives a held message back for another attempt at `next`, with the reason this one failed.
    func markRetry(_ id: String, by sender: String, next: Date, error: String) async throws
    /// Gives up on a held message, with its timeline entry; an acknowledgement then goes by letter instead.
    func markFailed(_ id: String, by sender: String, at: Date, error: String, interaction: Interaction?, letterInstead: LetterKind?)
        async throws
    /// A message with nobody to send it to (the citizen chose the post: the letter says it).
    func markSkipped(_ id: String, by sender: String, reason: String) async throws
    /// Sent acknowledgement messages whose case has not yet taken their effect.
    func acknowledgementsToApply(limit: Int) async throws -> [OutboxMessage]
    func recordCaseUpdated(_ id: String, at: Date) async throws
    /// Messages given up on, newest first (the supervisors' warnings), or one case's.
    func failedMessages(of reference: CaseReference?, limit: Int) async throws -> [OutboxMessage]
}
