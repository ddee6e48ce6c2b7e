import AppealsDomain
import Foundation

/// Messages citizens send us, kept once each, and the outgoing messages they answer or report on.
public protocol InboxStore: Sendable {
    /// Whether a message with this key is stored already (a second delivery of the same message).
    func isStored(key: String) async throws -> Bool
    /// Stores the message, with its timeline entry when it has one, in one transaction; false (and nothing written)
    /// when a message with its key is stored already.
    func store(_ message: InboundMessage, interaction: Interaction?) async throws -> Bool
    /// The case an outgoing message of the outbox was about.
    func caseOfOutgoing(_ id: String) async throws -> CaseReference?
    /// A sent message that came back undelivered: marked failed with the server's reason and the timeline entry
    /// added; an acknowledgement then goes by letter, as when the server refused it at once. False when it was not
    /// a sent message (returned twice, say).
    func markReturned(_ id: String, error: String, interaction: Interaction, at: Date) async throws -> Bool
    /// A case's messages, newest first.
    func messages(of reference: CaseReference, limit: Int) async throws -> [InboundMessage]
    /// One message by its id.
    func message(_ id: String) async throws -> InboundMessage?
    /// The Unmatched messages queue, oldest first, and how many are in it.
    func unmatched(limit: Int) async throws -> (messages: [InboundMessage], count: Int)
    /// An unmatched message put on a case by a member of staff, with its timeline entry and audit event, in one
    /// transaction; false when it is not in the queue any more (attached a moment ago by someone else).
    func attach(_ id: String, to reference: CaseReference, interaction: Interaction, audit: AuditEntry) async throws -> Bool
}
