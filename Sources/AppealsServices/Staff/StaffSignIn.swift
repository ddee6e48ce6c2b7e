import AppealsDomain
import Foundation

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
    public let random: any RandomSource
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
        store: any StaffAccountStore, hasher: any PasswordHasher, keyedHash: any KeyedHash, counters: any RateCounters,
        clock: any WallClock,
        random: any RandomSource = SystemRandomSource()
    ) {
        self.store = store
        self.hasher = hasher
        self.keyedHash = keyedHash
        self.counters = counters
        self.clock = clock
        self.random = random
    }

    /// A new session token for the account, or a `SignInProblem`.
    /// - Throws: ``AppError/tooManyAttempts(retryAfterSeconds:)`` when the password hasher's queue is full.
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
            if error is PasswordHasherBusy { throw AppError.tooManyAttempts(retryAfterSeconds: 2) }
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
        let token = Self.newToken(random)
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
    public static func newToken(_ random: any RandomSource) -> String { random.hex(words: 4) }
}
