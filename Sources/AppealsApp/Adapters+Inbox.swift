import AppealsServices
import AppealsStore
import Foundation
import Logging

extension Adapters {
    /// Messages citizens send us, put on their cases (or in the Unmatched queue), whichever way they arrive.
    public func receiveMessage(logger: Logger) -> ReceiveMessage {
        ReceiveMessage(
            inbox: SQLInbox(database: database), contacts: SQLCaseContacts(database: database), engine: engine,
            evidence: receiveEvidence, replyAddress: replyAddress, clock: clock, random: random, logger: logger,
            hold: TimeInterval(configuration.inboundHoldSeconds))
    }

    /// Citizens' texts and delivery receipts from the SMS provider's webhook.
    public var receiveText: ReceiveText {
        ReceiveText(
            inbox: SQLInbox(database: database), engine: engine, clock: clock, defaultCallingCode: authority.callingCode,
            hold: TimeInterval(configuration.inboundHoldSeconds))
    }

    /// Calls back, booked by citizens and agents, kept by the sweeper.
    public var callbacks: Callbacks {
        Callbacks(
            store: SQLCallbacks(database: database), contacts: SQLCaseContacts(database: database), rules: rules, clock: clock,
            random: random,
            defaultCallingCode: authority.callingCode)
    }

    /// The Unmatched messages queue staff work.
    public var unmatchedMessages: UnmatchedMessages {
        UnmatchedMessages(inbox: SQLInbox(database: database), cases: cases, engine: engine, clock: clock, random: random)
    }

    /// The IMAP poller, when a mailbox is set up.
    public func pollMailbox(logger: Logger) -> PollMailbox? {
        configuration.imap.map {
            PollMailbox(mailbox: CurlIMAPMailbox(settings: $0), receive: receiveMessage(logger: logger), logger: logger)
        }
    }
}
