import AppealsDomain
import Foundation

public enum SignInProblem: Error, Sendable, Equatable {
    /// Wrong email or password (which of the two is not said), or a disabled account.
    case wrongCredentials
    /// Too many failures from this account or address; try again after this many minutes.
    case locked(minutes: Int)
}
