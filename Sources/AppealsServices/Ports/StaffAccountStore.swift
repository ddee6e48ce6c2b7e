import AppealsDomain
import Foundation

/// Staff accounts, sessions and failed sign-ins. Session tokens are handed over raw and stored hashed.
public protocol StaffAccountStore: Sendable {
    func account(email: String) async throws -> StaffAccount?
    /// Whether a member of staff (active or not) already has this id.
    func isTaken(_ id: StaffID) async throws -> Bool
    func createAccount(_ account: StaffAccount, audit: AuditEntry) async throws
    func setActive(_ id: StaffID, active: Bool, audit: AuditEntry) async throws
    /// The audit event of a failed sign-in.
    func auditFailure(_ audit: AuditEntry) async throws
    func startSession(token: String, staff: StaffID, at: Date, expires: Date, audit: AuditEntry) async throws
    func session(token: String) async throws -> StaffSession?
    func touchSession(token: String, at: Date) async throws
    func endSession(token: String, audit: AuditEntry?) async throws
}
