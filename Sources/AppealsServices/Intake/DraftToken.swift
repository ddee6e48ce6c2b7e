import AppealsDomain
import Crypto
import Foundation

/// The random token an appeal in progress is kept under (in the citizen's cookie, or in the address of a staff
/// member's intake page), and what is derived from it: the key the database knows the draft by, and the case
/// reference it files under.
public struct DraftToken: Sendable, Hashable {
    public let value: String

    /// A token as it came back from a browser: 64 hexadecimal digits, or nothing.
    public init?(_ text: String) {
        guard text.utf8.count == 64, text.allSatisfy(\.isHexDigit) else { return nil }
        value = text
    }

    /// A new token.
    public init(drawingFrom random: any RandomSource) {
        value = random.hex(words: 4)
    }

    /// What the database knows a draft and its files by: the SHA-256 of the token (as `appeal_drafts` stores it).
    public var key: String { Self.hexDigest(value) }

    /// The case reference this draft files under; `attempt` > 0 gives the next ones, for a clash with another case.
    public func reference(attempt: Int = 0) -> CaseReference {
        let salt = attempt == 0 ? "case-reference:" : "case-reference:\(attempt):"
        let digest = Array(SHA256.hash(data: Data((salt + value).utf8)))
        return CaseReference(randomBits: digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    static func hexDigest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
