import AppealsDomain
import Foundation

/// An administrator's changes (staff accounts, roles and skills, holidays, deadline policies, API keys, ticket
/// imports), each audited as the administrator's; and what the administration pages read.
public struct Administer: Sendable {
    let store: any AdministrationStore
    let accounts: any StaffAccountStore
    public let createAccount: CreateStaffAccount
    public let importTickets: ImportTickets
    /// Where an uploaded CSV file is streamed while it is imported.
    let uploads: any EvidenceStorage
    let clock: any WallClock
    let random: any RandomSource

    public init(
        store: any AdministrationStore, accounts: any StaffAccountStore, createAccount: CreateStaffAccount, importTickets: ImportTickets,
        uploads: any EvidenceStorage, clock: any WallClock, random: any RandomSource
    ) {
        self.random = random
        self.store = store
        self.accounts = accounts
        self.createAccount = createAccount
        self.importTickets = importTickets
        self.uploads = uploads
        self.clock = clock
    }

    /// A new temporary file for an uploaded CSV file.
    public func incomingFile() throws -> URL { try uploads.incomingFile() }

    // MARK: - Reading

    public func staff() async throws -> [StaffAccount] { try await store.staffList() }
    public func member(_ id: String) async throws -> StaffAccount? { try await store.staffList().first { $0.id.value == id } }
    public func skills(of id: StaffID) async throws -> [String] { try await store.skills(of: id) }
    public func isTaken(_ email: EmailAddress) async throws -> Bool { try await accounts.account(email: email.value) != nil }
    public func holidays() async throws -> [(day: LocalDate, name: String)] { try await store.holidays() }
    public func policies() async throws -> [DeadlinePolicy] { try await store.currentPolicies() }
    public func apiKeys() async throws -> [APIKey] { try await store.apiKeys() }

    // MARK: - Changing (each audited)

    public func setRolesAndSkills(of id: StaffID, roles: Set<Role>, skills: [String], by account: StaffAccount) async throws {
        let detail = "id=\(id.value) roles=\(roles.map(\.rawValue).sorted().joined(separator: ",")) skills=\(skills.joined(separator: ","))"
        try await store.setRolesAndSkills(id, roles: roles, skills: skills, audit: audit(account, "staff_roles_changed", detail))
    }

    public func setActive(_ id: StaffID, active: Bool, by account: StaffAccount) async throws {
        try await accounts.setActive(
            id, active: active, audit: audit(account, active ? "staff_enabled" : "staff_disabled", "id=\(id.value)"))
    }

    public func addHoliday(_ day: LocalDate, name: String, by account: StaffAccount) async throws {
        try await store.saveHolidays([(day, name)], audit: audit(account, "holiday_added", "\(day) \(name)"))
    }

    public func removeHoliday(_ day: LocalDate, by account: StaffAccount) async throws {
        try await store.removeHoliday(day, audit: audit(account, "holiday_removed", "\(day)"))
    }

    public func addPolicy(_ policy: DeadlinePolicy, by account: StaffAccount) async throws {
        let detail = "\(policy.kind.rawValue): \(policy.length) \(policy.unit.rawValue), warning \(policy.warningBusinessDays)"
        try await store.addPolicyVersion(policy, audit: audit(account, "policy_changed", detail))
    }

    /// A new key; its text is shown once and only its hash is kept.
    public func createAPIKey(
        name: String, scopes: Set<APIScope>, requestsPerMinute rate: Int, by account: StaffAccount
    ) async throws -> String {
        let key = APIKey.newKey(random)
        let detail = "name=\(name) prefix=\(key.prefix(8)) scopes=\(APIScope.stored(scopes)) per_minute=\(rate)"
        try await store.createAPIKey(
            name: name, key: key, scopes: scopes, requestsPerMinute: rate, by: account.id, audit: audit(account, "api_key_created", detail))
        return key
    }

    public func revokeAPIKey(_ id: String, by account: StaffAccount) async throws {
        try await store.revokeAPIKey(id: id, audit: audit(account, "api_key_revoked", "id=\(id)"))
    }

    /// The audit event of an administrator's change that moves deadlines or grants access.
    func audit(_ account: StaffAccount, _ event: String, _ detail: String) -> AuditEntry {
        AuditEntry(
            caseReference: nil, at: clock.now(), actor: account.actor(as: .administrator), event: event, from: nil, to: nil, detail: detail)
    }
}
