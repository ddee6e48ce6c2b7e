import AppealsDomain
import Foundation

public struct APIKey: Sendable, Equatable {
    public let id: String
    public let name: String
    public let prefix: String
    public let createdBy: String
    public let createdAt: Date
    public let revokedAt: Date?
    public let scopes: Set<APIScope>
    /// Requests a minute the key may make; more get 429.
    public let requestsPerMinute: Int

    /// The range an administrator may choose from.
    public static let requestsPerMinuteRange = 1...100_000

    public init(
        id: String, name: String, prefix: String, createdBy: String, createdAt: Date, revokedAt: Date?,
        scopes: Set<APIScope> = [.statusRead], requestsPerMinute: Int = 600
    ) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.scopes = scopes
        self.requestsPerMinute = requestsPerMinute
    }

    /// "apk_" and 48 hex characters (192 random bits).
    public static func newKey(_ random: any RandomSource) -> String { "apk_" + random.hex(words: 3) }
}
