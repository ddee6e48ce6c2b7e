import AppealsDomain
import Foundation

/// A signed-in session as the store keeps it.
public struct StaffSession: Sendable, Equatable {
    public let account: StaffAccount
    public let createdAt: Date
    public let lastSeenAt: Date
    public let expiresAt: Date

    public init(account: StaffAccount, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.account = account
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}
