import AppealsDomain
import Foundation

/// The address a citizen's reply to one of our e-mails goes to (its `Reply-To`): the inbound mailbox with a token
/// after a `+` (`appeals+<token>@riverton.example`) that names the outgoing message, and so its case, and that
/// nobody without the server key can make: the message's id (32 hex digits) and a keyed hash over the case and
/// that id. A reply is matched by its token alone, whoever sends it; a token that does not verify is a forgery.
public struct ReplyAddress: Sendable {
    /// `appeals@riverton.example`: the mailbox every token address is delivered to (`INBOUND_EMAIL_ADDRESS`).
    public let mailbox: String
    let local: String
    let domain: String
    let hash: any KeyedHash

    public init?(mailbox: String, hash: any KeyedHash) {
        let parts = mailbox.lowercased().split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains("+") else { return nil }
        self.mailbox = mailbox.lowercased()
        (local, domain) = (String(parts[0]), String(parts[1]))
        self.hash = hash
    }

    /// A token the reply address carries: the outgoing message's id and its hash.
    public struct Token: Sendable, Equatable {
        /// The outgoing message's id, as the outbox keeps it (a lower-case UUID).
        public let messageID: String
        let mac: String
    }

    /// The reply address for one outgoing message about `reference`.
    public func address(for reference: CaseReference, message id: String) async throws -> String {
        let compact = id.lowercased().filter(\.isHexDigit)
        let mac = try await Self.mac(reference: reference, messageID: id.lowercased(), hash: hash)
        return "\(local)+\(compact)-\(mac)@\(domain)"
    }

    /// The token in the first of `addresses` (To and Cc) that is this mailbox with one, well formed or not verified.
    public func token(in addresses: [String]) -> Token? {
        for address in addresses.map({ $0.lowercased() }) {
            guard address.hasPrefix(local + "+"), address.hasSuffix("@" + domain) else { continue }
            let token = address.dropFirst(local.count + 1).dropLast(domain.count + 1)
            let parts = token.split(separator: "-")
            guard parts.count == 2, parts[0].count == 32, parts[1].count == Self.macLength,
                parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) })
            else { return Token(messageID: "", mac: String(token)) }
            let hex = Array(parts[0])
            let id = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
            return Token(messageID: id, mac: String(parts[1]))
        }
        return nil
    }

    /// Whether `token` was made by this server for a message about `reference`.
    public func verify(_ token: Token, reference: CaseReference) async throws -> Bool {
        guard !token.messageID.isEmpty else { return false }
        let expected = try await Self.mac(reference: reference, messageID: token.messageID, hash: hash)
        return Self.constantTimeEqual(Array(expected.utf8), Array(token.mac.utf8))
    }

    static let macLength = 20

    static func mac(reference: CaseReference, messageID: String, hash: any KeyedHash) async throws -> String {
        String(try await hash.hex("reply-to|\(reference.value)|\(messageID)").prefix(macLength)).lowercased()
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
