import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import SQLKit
import Testing

/// Guessing staff passwords is slowed for the guesser, not turned into a lock anyone can put on a colleague
/// (ASVS 6.3), and holds when the guesses come all at once, on both engines.
@Suite("Sign-in lock-out under concurrency")
struct SignInLockOutTests {
    enum Outcome: Sendable, Equatable { case signedIn, wrong, locked(Int), busy }

    static func signIn(_ signIn: StaffSignIn, _ email: String, _ password: String, from address: String) async -> Outcome {
        do {
            _ = try await signIn.signIn(email: email, password: password, address: address)
            return .signedIn
        } catch SignInProblem.wrongCredentials {
            return .wrong
        } catch SignInProblem.locked(let minutes) {
            return .locked(minutes)
        } catch AppError.tooManyAttempts {
            return .busy
        } catch {
            Issue.record("unexpected \(error)")
            return .busy
        }
    }

    /// Ana, with the test password, on a fresh database.
    static func withSignIn(
        _ engine: DatabaseEngine, hasher: BcryptPasswordHasher = WebTest.hasher,
        _ body: @escaping @Sendable (StaffSignIn, AppDatabase) async throws -> Void
    ) async throws {
        try await TestDatabase.with(engine) { db in
            try await SQLAdministration(database: db).saveStaff(
                id: StaffID("ana"), name: "Ana Reviewer", email: "ana@riverton.example", startedOn: LocalDate(iso: "2026-01-05")!,
                roles: [.reviewer], skills: [], at: Date(timeIntervalSince1970: 1_795_996_800)
            )
            try await SQLStaffAccounts(database: db).setPassword(StaffID("ana"), hash: StaffTest.hash)
            // At the start of an hour, so that the fixed windows have their whole length left.
            try await body(
                StaffSignIn(
                    store: SQLStaffAccounts(database: db), hasher: hasher,
                    keyedHash: SQLServerKey(database: db, clock: FixedWallClock(TestClock.pinned)),
                    counters: SQLRateCounters(database: db), clock: FixedWallClock(Date(timeIntervalSince1970: 1_795_996_800))), db)
        }
    }

    static func outcomes(_ attempts: Int, _ body: @escaping @Sendable (Int) async -> Outcome) async -> [Outcome] {
        await withTaskGroup(of: Outcome.self) { group in
            for index in 0..<attempts { group.addTask { await body(index) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func sixtyParallelGuessesFromOneAddressGetTenTriesAndTheOwnerCanStillSignInFromElsewhere(engine: DatabaseEngine) async throws {
        try await Self.withSignIn(engine) { signIn, db in
            let results = await Self.outcomes(60) { _ in
                await Self.signIn(signIn, "ana@riverton.example", "guess-guess-guess", from: "203.0.113.9")
            }
            #expect(results.filter { $0 == .wrong }.count == StaffSignIn.failureLimit)
            #expect(results.filter { $0 == .locked(15) }.count == 60 - StaffSignIn.failureLimit)
            // The guesser's address stays locked for Ana even with her password; Ana at her desk is not.
            #expect(await Self.signIn(signIn, "ana@riverton.example", StaffTest.password, from: "203.0.113.9") == .locked(15))
            #expect(await Self.signIn(signIn, "ANA@riverton.example ", StaffTest.password, from: "198.51.100.7") == .signedIn)
            // Refused attempts are not counted as failures; the right password took its own off again.
            let kept = try await db.count("SELECT attempts AS n FROM rate_counters WHERE counter_key LIKE 'sign-in:%:203.0.113.9'")
            #expect(kept == StaffSignIn.failureLimit)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM rate_counters WHERE counter_key LIKE '%@%'") == 0,
                "no typed email in a counter")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func guessesFromManyAddressesMeetTheSlowerHigherLimitPerAccount(engine: DatabaseEngine) async throws {
        try await Self.withSignIn(engine) { signIn, _ in
            let results = await Self.outcomes(120) { index in
                await Self.signIn(signIn, "ana@riverton.example", "guess-guess-guess", from: "192.0.2.\(index)")
            }
            #expect(results.filter { $0 == .wrong }.count == StaffSignIn.accountLimit)
            #expect(results.filter { $0 == .locked(60) }.count == 120 - StaffSignIn.accountLimit)
        }
    }

    @Test func aFullPasswordQueueAnswersAtOnceAndRefusedAttemptsDoNotCount() async throws {
        // One bcrypt thread and room for three more: 60 sign-ins at once (each its own account and address, so no
        // lock-out applies) mostly find the queue full.
        let small = BcryptPasswordHasher(threads: 1, queued: 3)
        try await Self.withSignIn(WebTest.engine, hasher: small) { signIn, db in
            let results = await Self.outcomes(60) { index in
                await Self.signIn(signIn, "nobody\(index)@riverton.example", "guess-guess-guess", from: "192.0.2.\(index)")
            }
            let busy = results.filter { $0 == .busy }.count
            #expect(busy >= 40, "\(results)")
            #expect(busy + results.filter { $0 == .wrong }.count == 60)
            let kept = try await db.count("SELECT SUM(attempts) AS n FROM rate_counters WHERE counter_key LIKE 'sign-in-address:%'")
            #expect(kept == 60 - busy, "only the attempts whose password was checked count")
        }
    }

    @Test func theLimitAdmitsExactlyItsNumberAndRefusesTheRestAtOnce() async throws {
        let limit = ConcurrencyLimit(limit: 3)
        let gate = Gate()
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<60 {
                group.addTask {
                    do {
                        return try await limit.run {
                            await gate.wait(); return true
                        }
                    } catch { return false }
                }
            }
            // Everything that was refused has answered; then the three admitted are let go.
            while await gate.waiting < 3 { await Task.yield() }
            try? await Task.sleep(for: .milliseconds(50))
            #expect(limit.inFlight == 3)
            await gate.open()
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 3)
        #expect(results.filter { !$0 }.count == 57)
        #expect(limit.inFlight == 0)
    }

    @Test func aFailedSignInKeepsNoTypedEmailInTheAuditTrail() async throws {
        try await Self.withSignIn(WebTest.engine) { signIn, db in
            // Someone types their password into the email field.
            #expect(await Self.signIn(signIn, "Tr0ub4dor&3-my-password", "x", from: "192.0.2.1") == .wrong)
            #expect(await Self.signIn(signIn, "ana@riverton.example", "wrong-wrong-wrong", from: "192.0.2.1") == .wrong)
            let details = try await db.withConnection { db in
                try await db.raw("SELECT detail FROM audit_events WHERE event = 'sign_in_failed' ORDER BY seq").all()
                    .map { try $0.decode(column: "detail", as: String.self) }
            }
            #expect(details.count == 2)
            #expect(details.allSatisfy { !$0.lowercased().contains("tr0ub4dor") && !$0.contains("riverton.example") }, "\(details)")
            #expect(details.first?.hasPrefix("email_hmac=") == true)
            #expect(details.last?.hasPrefix("account=ana ") == true)
        }
    }
}

/// Lets tasks wait until it is opened.
actor Gate {
    private var continuations: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    var waiting: Int { continuations.count }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { continuations.append($0) }
    }

    func open() {
        isOpen = true
        continuations.forEach { $0.resume() }
        continuations = []
    }
}
