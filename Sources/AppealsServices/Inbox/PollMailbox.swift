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

    /// Reads up to `limit` waiting messages; how many were taken (so a caller can go on until none is left).
    @discardableResult
    public func run(limit: Int = 50) async throws -> Int {
        let waiting = try await mailbox.waiting(limit: limit)
        for uid in waiting {
            let bytes = try await mailbox.message(uid)
            do {
                // A message another receiver is working on stays unflagged: that receiver flags it, or, if it died,
                // a later poll takes it over.
                if try await receive.email(bytes) != .busy { try await mailbox.flag(uid, stored: true) }
            } catch let error as MailParseError {
                logger.error(
                    "a message in the mailbox is not an e-mail the portal can read", metadata: ["uid": "\(uid)", "why": "\(error)"])
                try await mailbox.flag(uid, stored: false)
            }
        }
        return waiting.count
    }
}
