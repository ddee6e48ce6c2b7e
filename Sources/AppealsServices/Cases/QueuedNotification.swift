import AppealsDomain
import Foundation

/// A message waiting for the sender.
public struct QueuedNotification: Sendable, Equatable {
    public let recipient: Recipient
    public let kind: NotificationKind
    public init(recipient: Recipient, kind: NotificationKind) {
        self.recipient = recipient
        self.kind = kind
    }
}
