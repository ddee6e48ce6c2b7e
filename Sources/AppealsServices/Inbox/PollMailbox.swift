import AppealsDomain
import Logging

/// Reads the replies waiting in the inbound mailbox (IMAP), each through ``ReceiveMessage``, and flags each only
/// after it is stored: a poller that dies between the two reads the message again, and the store keeps it once.
/// When the database cannot be reached, the message stays unflagged for the next poll.
public struct PollMailbox: Sendable {
    let mailbox: any InboundMailbox
    let receive: ReceiveMessage
    let logger: Logger

    public init(mailbox: any InboundMailbox, receive: ReceiveMessage, logger: Logger) {
        self.mailbox = mailbox
        self.receive = receive
        self.logger = logger
    }

    /// Reads up to `limit` waiting messages; how many were taken (so a caller can go on until none is left). The
    /// stored ones are flagged together at the end of the batch (one command, not one per message): a poller that
    /// dies before then reads them again, and each is recognised as stored.
    @discardableResult
    public func run(limit: Int = 200) async throws -> Int {
        let waiting = try await mailbox.waiting(limit: limit)
        var stored: [UInt32] = []
        var unreadable: [UInt32] = []
        do {
            for uid in waiting {
                let bytes: [UInt8]
                do {
                    bytes = try await mailbox.message(uid)
                } catch {
                    logger.warning("a message in the mailbox could not be read", metadata: ["uid": "\(uid)", "error": "\(error)"])
                    throw error
                }
                do {
                    // A message another receiver is working on stays unflagged: that receiver flags it, or, if it
                    // died, a later poll takes it over.
                    if try await receive.email(bytes) != .busy { stored.append(uid) }
                } catch let error as MailParseError {
                    logger.error(
                        "a message in the mailbox is not an e-mail the portal can read", metadata: ["uid": "\(uid)", "why": "\(error)"])
                    unreadable.append(uid)
                }
            }
        } catch {
            logger.warning(
                "the mailbox round stopped", metadata: ["stored": "\(stored.count)", "of": "\(waiting.count)", "error": "\(error)"])
            // What was stored before the failure is flagged all the same, so the next round does not read it again.
            try? await mailbox.flag(stored, stored: true)
            try? await mailbox.flag(unreadable, stored: false)
            throw error
        }
        try await mailbox.flag(stored, stored: true)
        try await mailbox.flag(unreadable, stored: false)
        return waiting.count
    }
}
