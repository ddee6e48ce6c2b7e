import AppealsDomain
import Foundation

/// bcrypt, behind a port so that the slow hashing runs where the implementation chooses.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    /// With no hash (no such account), checks against a decoy so that the answer takes as long either way.
    func verify(_ password: String, against hash: String?) async throws -> Bool
}
