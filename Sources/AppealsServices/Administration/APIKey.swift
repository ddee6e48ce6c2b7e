import AppealsDomain
import Foundation

public struct APIKey: Sendable, Equatable {
    public let id: String
    public let name: String
    public let prefix: String
    public let createdBy: String
    public let createdAt: Date
    public let revokedAt: Date?

    public init(id: String, name: String, prefix: String, createdBy: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// "apk_" and 48 hex characters (192 random bits).
    public static func newKey(_ random: any RandomSource) -> String { "apk_" + random.hex(words: 3) }
}
