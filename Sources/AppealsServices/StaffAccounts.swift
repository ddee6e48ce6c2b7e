import AppealsDomain
import Foundation

/// A member of staff as sign-in and authorisation see them.
public struct StaffAccount: Sendable, Equatable {
    public let id: StaffID
    public let name: String
    public let email: String
    public let roles: Set<Role>
    public let active: Bool
    public let startedOn: LocalDate
    public let passwordHash: String?

    public init(id: StaffID, name: String, email: String, roles: Set<Role>, active: Bool, startedOn: LocalDate, passwordHash: String?) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.active = active
        self.startedOn = startedOn
        self.passwordHash = passwordHash
    }

    /// How this person acts on a case in a given role (their start date drives the first-month four-eyes rule).
    public func actor(as role: Role) -> Actor { Actor(role: role, staffID: id, startedOn: startedOn) }
}

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

/// Staff accounts, sessions and failed sign-ins. Session tokens are handed over raw and stored hashed.
public protocol StaffAccountStore: Sendable {
    func account(email: String) async throws -> StaffAccount?
    func createAccount(_ account: StaffAccount, audit: AuditEntry) async throws
    func setActive(_ id: StaffID, active: Bool, audit: AuditEntry) async throws
    /// The audit event of a failed sign-in.
    func auditFailure(_ audit: AuditEntry) async throws
    func startSession(token: String, staff: StaffID, at: Date, expires: Date, audit: AuditEntry) async throws
    func session(token: String) async throws -> StaffSession?
    func touchSession(token: String, at: Date) async throws
    func endSession(token: String, audit: AuditEntry?) async throws
}

/// bcrypt, behind a port so that the slow hashing runs where the implementation chooses.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    /// With no hash (no such account), checks against a decoy so that the answer takes as long either way.
    func verify(_ password: String, against hash: String?) async throws -> Bool
}

/// An HMAC with the deployment's server key, hex: for values that must be recognisable but not readable (a typed
/// email in the audit trail) or unforgeable (a staff session's anti-forgery token).
public protocol KeyedHash: Sendable {
    func hex(_ text: String) async throws -> String
}

/// The password hasher has as much work queued as it may: the caller is told to try again shortly.
public struct PasswordHasherBusy: Error, Sendable {
    public init() {}
}

public enum PasswordProblem: Sendable, Equatable {
    case tooShort(minimum: Int)
    case common
    case containsName
}

/// At least 12 characters, not a well-known password, not the person's name or email.
public enum PasswordPolicy {
    public static let minimumLength = 12

    public static func problems(_ password: String, name: String, email: String) -> [PasswordProblem] {
        var problems: [PasswordProblem] = []
        if password.count < minimumLength { problems.append(.tooShort(minimum: minimumLength)) }
        let lowered = password.lowercased()
        let squeezed = lowered.filter { $0.isLetter || $0.isNumber }
        if CommonPasswords.list.contains(lowered) || CommonPasswords.list.contains(squeezed) || Set(lowered).count <= 2
            || CommonPasswords.isSimpleSequence(squeezed)
        {
            problems.append(.common)
        }
        let parts = ([email.split(separator: "@").first.map(String.init) ?? ""] + name.split(separator: " ").map(String.init))
            .map { $0.lowercased() }.filter { $0.count >= 4 }
        if parts.contains(where: lowered.contains) { problems.append(.containsName) }
        return problems
    }
}

public enum SignInProblem: Error, Sendable, Equatable {
    /// Wrong email or password (which of the two is not said), or a disabled account.
    case wrongCredentials
    /// Too many failures from this account or address; try again after this many minutes.
    case locked(minutes: Int)
}

/// Signs staff in and out and recognises their sessions: a 256-bit random token in a cookie, kept hashed in the
/// database, rotated at each sign-in, ended at sign-out, after 30 idle minutes and after 12 hours in any case.
///
/// Guessing is slowed, not turned against staff (ASVS 6.3): 10 failures in 15 minutes for one account from one
/// client address, 50 from one address over all accounts, and a slower, higher 100 an hour for one account from
/// anywhere (sliding windows estimated from two fixed ones). The attempt is counted before the password is hashed,
/// so parallel guesses count each other; a refused or successful attempt is taken off again, so only real
/// failures count.
public struct StaffSignIn: Sendable {
    public let store: any StaffAccountStore
    public let hasher: any PasswordHasher
    public let keyedHash: any KeyedHash
    public let counters: any RateCounters
    public let clock: any WallClock
    public static let idleLimit: TimeInterval = 30 * 60
    public static let absoluteLimit: TimeInterval = 12 * 3_600
    public static let failureWindow: TimeInterval = 15 * 60
    public static let failureLimit = 10
    public static let addressLimit = 50
    public static let accountWindow: TimeInterval = 3_600
    public static let accountLimit = 100
    /// A session's last-seen time is written at most this often (not on every page).
    static let touchInterval: TimeInterval = 60

    public init(
        store: any StaffAccountStore, hasher: any PasswordHasher, keyedHash: any KeyedHash, counters: any RateCounters, clock: any WallClock
    ) {
        self.store = store
        self.hasher = hasher
        self.keyedHash = keyedHash
        self.counters = counters
        self.clock = clock
    }

    /// A new session token for the account, or a `SignInProblem`.
    /// - Throws: ``AppError/tooManyRequests(retryAfterSeconds:)`` when the password hasher's queue is full.
    public func signIn(email rawEmail: String, password: String, address: String) async throws -> (token: String, account: StaffAccount) {
        let email = rawEmail.trimmingSpaces.lowercased()
        let now = clock.now()
        let accountKey = try await keyedHash.hex("sign-in:" + email)
        // Counted before the password is hashed, so that parallel guesses count each other.
        let window = Int(Self.failureWindow), accountWindow = Int(Self.accountWindow)
        let attempt = [
            RateCounter(key: "sign-in:\(accountKey):\(address)", at: now, windowSeconds: window),
            RateCounter(key: "sign-in-address:\(address)", at: now, windowSeconds: window),
            RateCounter(key: "sign-in:\(accountKey)", at: now, windowSeconds: accountWindow),
        ]
        let recent = try await counters.attempt(attempt)
        let limits = [Self.failureLimit, Self.addressLimit, Self.accountLimit]
        if let over = recent.indices.first(where: { recent[$0] > Double(limits[$0]) }) {
            try await counters.decrement(attempt)
            throw SignInProblem.locked(minutes: (attempt[over].secondsLeft + 59) / 60)
        }
        let account = try await store.account(email: email)
        let verified: Bool
        do {
            verified = try await hasher.verify(password, against: account?.passwordHash)
        } catch {
            try await counters.decrement(attempt)
            if error is PasswordHasherBusy { throw AppError.tooManyRequests(retryAfterSeconds: 2) }
            throw error
        }
        guard let account, account.active, account.passwordHash != nil, verified else {
            // The typed email never enters the (immutable) audit trail: someone may have typed a password there.
            let who = account.map { "account=\($0.id.value)" } ?? "email_hmac=\(accountKey.prefix(16))"
            try await store.auditFailure(
                AuditEntry(
                    caseReference: nil, at: now, actor: Actor(role: .system, staffID: account?.id), event: "sign_in_failed",
                    from: nil, to: nil, detail: "\(who) address=\(address)"
                ))
            throw SignInProblem.wrongCredentials
        }
        try await counters.decrement(attempt)
        let token = Self.newToken()
        try await store.startSession(
            token: token, staff: account.id, at: now, expires: now.addingTimeInterval(Self.absoluteLimit),
            audit: AuditEntry(
                caseReference: nil, at: now, actor: Actor(role: .system, staffID: account.id),
                event: "sign_in", from: nil, to: nil, detail: "address=\(address)"))
        return (token, account)
    }

    /// The account behind a session token, if the session is alive and the account active.
    public func account(forToken token: String) async throws -> StaffAccount? {
        guard let session = try await store.session(token: token) else { return nil }
        let now = clock.now()
        guard session.account.active, now < session.expiresAt, now.timeIntervalSince(session.lastSeenAt) < Self.idleLimit else {
            try await store.endSession(token: token, audit: nil)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval { try await store.touchSession(token: token, at: now) }
        return session.account
    }

    public func signOut(token: String, account: StaffAccount) async throws {
        let now = clock.now()
        try await store.endSession(
            token: token,
            audit: AuditEntry(
                caseReference: nil, at: now, actor: Actor(role: .system, staffID: account.id), event: "sign_out", from: nil, to: nil
            ))
    }

    /// 256 random bits, hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
}

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
        let staffID =
            id
            ?? StaffID(
                email.value.split(separator: "@")[0].lowercased()
                    .filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
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
}
