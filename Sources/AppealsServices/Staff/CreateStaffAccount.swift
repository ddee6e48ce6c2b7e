import AppealsDomain
import Foundation

/// Creates a staff account, with its audit event: the id is the email's local part unless given, the start date
/// today in the authority's time zone. The password is hashed here and never stored as typed.
public struct CreateStaffAccount: Sendable {
    public let store: any StaffAccountStore
    public let hasher: any PasswordHasher
    public let clock: any WallClock
    public let timeZone: TimeZone

    public init(store: any StaffAccountStore, hasher: any PasswordHasher, clock: any WallClock, timeZone: TimeZone) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
        self.timeZone = timeZone
    }

    @discardableResult
    public func callAsFunction(
        name: String, email: EmailAddress, roles: Set<Role>, password: String, id: StaffID? = nil, by actor: Actor
    ) async throws -> StaffAccount {
        let staffID: StaffID
        if let id { staffID = id } else { staffID = try await freeID(from: email) }
        let now = clock.now()
        let account = StaffAccount(
            id: staffID, name: name, email: email.value, roles: roles, active: true,
            startedOn: BusinessCalendar(timeZone: timeZone).local(now).date,
            passwordHash: try await hasher.hash(password))
        try await store.createAccount(
            account,
            audit: AuditEntry(
                caseReference: nil, at: now, actor: actor, event: "staff_created", from: nil, to: nil,
                detail: "id=\(staffID.value) roles=\(roles.map(\.rawValue).sorted().joined(separator: ","))"
            ))
        return account
    }

    /// The email's local part, or with "-2", "-3"… when someone (another domain's "ana@…") has it already.
    func freeID(from email: EmailAddress) async throws -> StaffID {
        let base = email.value.split(separator: "@")[0].lowercased().filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        var candidate = StaffID(base)
        for suffix in 2..<1_000 where try await store.isTaken(candidate) { candidate = StaffID("\(base)-\(suffix)") }
        return candidate
    }
}
