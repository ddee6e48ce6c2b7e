/// A mailbox replies are delivered to (IMAP): read, then flagged once the message's rows are committed, so that
/// a receiver that dies in between reads it again (and the store, keyed by Message-ID, keeps it once).
public protocol InboundMailbox: Sendable {
    /// The UIDs of messages not flagged yet, oldest first, at most `limit`.
    func waiting(limit: Int) async throws -> [UInt32]
    /// One message, whole, as the server holds it.
    func message(_ uid: UInt32) async throws -> [UInt8]
    /// Flags messages as stored, or (`stored: false`) as ones the portal cannot read, left for a person to look at;
    /// in one command.
    func flag(_ uids: [UInt32], stored: Bool) async throws
}
