import AppealsDomain
import Foundation

/// The password hasher has as much work queued as it may: the caller is told to try again shortly.
public struct PasswordHasherBusy: Error, Sendable {
    public init() {}
}
