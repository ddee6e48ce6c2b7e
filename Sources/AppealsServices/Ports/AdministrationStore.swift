import AppealsDomain
import Foundation

/// What administrators manage besides tickets: accounts, holidays, deadline policies and API keys.
public protocol AdministrationStore: Sendable {
    func staffList() async throws -> [StaffAccount]
    /// A reviewer's skills as stored (`stolen_vehicles`, `disability`, `not_owner`, `commercial_fleet`, `language:es`).
    func skills(of id: StaffID) async throws -> [String]
    /// Replaces an account's roles and skills (unknown skill codes are refused by the store), audited.
    func setRolesAndSkills(_ id: StaffID, roles: Set<Role>, skills: [String], audit: AuditEntry) async throws
    func holidays() async throws -> [(day: LocalDate, name: String)]
    func saveHolidays(_ holidays: [(day: LocalDate, name: String)], audit: AuditEntry?) async throws
    func removeHoliday(_ day: LocalDate, audit: AuditEntry) async throws
    /// The current version of each deadline policy.
    func currentPolicies() async throws -> [DeadlinePolicy]
    /// Adds a new version of a policy (cases keep theirs until `appeals deadlines recompute`), audited.
    func addPolicyVersion(_ policy: DeadlinePolicy, audit: AuditEntry) async throws
    func apiKeys() async throws -> [APIKey]
    /// Stores a new key's hash; the key itself is returned to the caller once and never kept.
    func createAPIKey(name: String, key: String, scopes: Set<APIScope>, requestsPerMinute: Int, by: StaffID, audit: AuditEntry) async throws
    /// The key a caller presents, found by its hash (revoked ones too: the caller says why it is refused).
    func apiKey(forKey key: String) async throws -> APIKey?
    func revokeAPIKey(id: String, audit: AuditEntry) async throws
    /// Recomputes the audit trail's hash chain from the first event and names the first broken link.
    func verifyAudit() async throws -> AuditVerification
    /// The trail's events that match, newest first.
    func auditEvents(_ filter: AuditFilter, offset: Int, limit: Int) async throws -> [AuditRecord]
    /// The kinds of event the trail holds, for the auditor's filter.
    func auditEventKinds() async throws -> [String]
}
