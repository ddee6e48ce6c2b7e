import AppealsDomain
import Foundation

/// Messages citizens send us, kept once each, and the outgoing messages they answer or report on.
public protocol InboxStore: Sendable {
    /// Claims a message before anything is done with it: a new row, held by this receiver until `until`, or the row
    /// a receiver that died left unfinished, once its hold has run out (`filesKept` of its attachments are kept).
    func claim(_ message: InboundMessage, now: Date, until: Date) async throws -> InboxClaim
    /// Lets go of a claimed message at once (its receiver failed), so that the next delivery takes it up.
    func release(_ id: String) async throws
    /// Records that the claimed message's first `count` attachments are kept.
    func keptFiles(_ id: String, count: Int) async throws
    /// Finishes a claimed message: its final fields, with its timeline entry when it has one, in one transaction;
    /// false (and nothing written) when it is finished already (its hold ran out and another receiver took it).
    func finish(_ id: String, _ message: InboundMessage, interaction: Interaction?) async throws -> Bool
    /// The case an outgoing message of the outbox was about.
    func caseOfOutgoing(_ id: String) async throws -> CaseReference?
    /// A sent message that came back undelivered: marked failed with the server's reason and the timeline entry
    /// added; an acknowledgement then goes by letter, as when the server refused it at once. False when it was not
    /// a sent message (returned twice, say).
    func markReturned(_ id: String, error: String, interaction: Interaction, at: Date) async throws -> Bool
    /// The open cases whose citizen gave this mobile number (E.164).
    func openCases(mobile: String) async throws -> [CaseReference]
    /// The citizen texted STOP: the number is kept as stopped, and every case of it that chose texts is switched
    /// to e-mail (to the post when it has no e-mail), each with the timeline entry; the cases switched.
    func stopTexts(_ mobile: String, at: Date, interaction: Interaction) async throws -> [CaseReference]
    /// The citizen texted START after STOP: the number takes texts again, and the cases STOP switched away from
    /// texts (those with its timeline entry that are not on texts now) are switched back, each with the timeline
    /// entry; the cases switched. Nothing when the number had not said STOP.
    func startTexts(_ mobile: String, interaction: Interaction) async throws -> [CaseReference]
    /// A sent text the provider reports delivered; false when it was not a sent message (or was marked before).
    func markDelivered(_ id: String, at: Date) async throws -> Bool
    /// A case's messages, newest first.
    func messages(of reference: CaseReference, limit: Int) async throws -> [InboundMessage]
    /// A case's messages opened by a member of staff: those not read before are marked read.
    func markRead(of reference: CaseReference, by staff: StaffID, at: Date) async throws
    /// One message by its id.
    func message(_ id: String) async throws -> InboundMessage?
    /// The Unmatched messages queue, oldest first, and how many are in it.
    func unmatched(limit: Int) async throws -> (messages: [InboundMessage], count: Int)
    /// An unmatched message put on a case by a member of staff, with its timeline entry and audit event, in one
    /// transaction; false when it is not in the queue any more (attached a moment ago by someone else).
    func attach(_ id: String, to reference: CaseReference, interaction: Interaction, audit: AuditEntry) async throws -> Bool
    /// An unmatched message answered by a member of staff: the answer queued in the outbox, the message taken out
    /// of the queue (kept as answered by them) and the audit event, in one transaction; false when it is not in the
    /// queue any more.
    func answer(_ id: String, with answer: OutboxMessage, by staff: StaffID, audit: AuditEntry) async throws -> Bool
}

/// What claiming a message gave.
public enum InboxClaim: Sendable, Equatable {
    /// This receiver holds it now; `filesKept` attachments were kept by one that died.
    case claimed(id: String, filesKept: Int)
    /// It was received and finished before (a second delivery).
    case finished
    /// Another receiver is working on it right now.
    case busy
}
