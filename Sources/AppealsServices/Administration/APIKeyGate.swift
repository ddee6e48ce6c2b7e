import AppealsDomain
import Foundation
import Synchronization

/// Admits an API request: the bearer key exists, is not revoked, holds the scope, and has requests left this
/// minute. Keys are read from the store at most every `cacheSeconds` (a revocation takes effect within that
/// time), so a busy integration costs no key look-up per request.
///
/// The requests a minute are counted in this process: instances behind one load balancer each allow a key its
/// whole rate (the look-up limits of the citizen's pages are the ones shared through the database). A lock, not
/// an actor, so that admitting a request costs no hop to another thread.
///
/// Keys that fail (unknown, malformed or revoked) count against the client's address like failed sign-ins: in the
/// shared rate counters, counted before the key is looked up (so parallel guesses count each other) and taken off
/// again when the key is good. Past `failureLimit` in `failureWindow` (a sliding window), no key that is not
/// already known to be good is looked up for that address: the answer is 429, whatever the key, so that it says
/// nothing about the key. A good key in the cache is not held up by its neighbours' guesses.
public final class APIKeyGate: Sendable {
    let store: any AdministrationStore
    let counters: any RateCounters
    let clock: any WallClock
    let cacheSeconds: TimeInterval
    private let state = Mutex(State())

    struct State {
        var keys: [String: (key: APIKey, readAt: Date)] = [:]
        var windows: [String: (minute: Int, count: Int)] = [:]
    }

    /// Beyond this many cached keys (someone trying keys), the cache starts again.
    static let maximumCached = 10_000
    /// Failed keys one client address may send in `failureWindow` (as many as failed sign-ins from one address).
    public static let failureLimit = StaffSignIn.addressLimit
    public static let failureWindow = StaffSignIn.failureWindow

    public init(store: any AdministrationStore, counters: any RateCounters, clock: any WallClock, cacheSeconds: TimeInterval = 5) {
        self.store = store
        self.counters = counters
        self.clock = clock
        self.cacheSeconds = cacheSeconds
    }

    /// The key named by an `Authorization` header's value, if it may do `scope` now; counts the request. Throws
    /// ``APIAccessProblem`` (or the store's error).
    /// - Parameter address: the client as per-client limits count it (an IPv4 address or an IPv6 /64).
    public func admit(authorization: String?, scope: APIScope, address: String) async throws -> APIKey {
        guard let header = authorization, header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw APIAccessProblem.missingKey
        }
        let presented = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        let now = clock.now()
        let cacheSeconds = cacheSeconds
        var key = state.withLock { s in s.keys[presented].flatMap { now.timeIntervalSince($0.readAt) < cacheSeconds ? $0.key : nil } }
        if key == nil {
            let attempt = [RateCounter(key: "api-key-address:\(address)", at: now, windowSeconds: Int(Self.failureWindow))]
            if try await counters.attempt(attempt)[0] > Double(Self.failureLimit) {
                try await counters.decrement(attempt)
                throw APIAccessProblem.tooManyFailedKeys(retryAfterSeconds: attempt[0].secondsLeft)
            }
            // Keys are "apk_" and hex: anything else is not looked up.
            guard presented.count <= 64, presented.hasPrefix("apk_"), presented.dropFirst(4).allSatisfy(\.isHexDigit),
                let found = try await store.apiKey(forKey: presented)
            else { throw APIAccessProblem.unknownKey }
            if found.revokedAt == nil { try await counters.decrement(attempt) }
            state.withLock { s in
                if s.keys.count >= Self.maximumCached { s.keys = [:] }
                s.keys[presented] = (found, now)
            }
            key = found
        }
        guard let key else { throw APIAccessProblem.unknownKey }
        guard key.revokedAt == nil else { throw APIAccessProblem.revokedKey }
        guard key.scopes.contains(scope) else { throw APIAccessProblem.insufficientScope(scope) }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let minute = seconds / 60
        let admitted = state.withLock { s in
            var window = s.windows[key.id].flatMap { $0.minute == minute ? $0 : nil } ?? (minute: minute, count: 0)
            guard window.count < key.requestsPerMinute else { return false }
            window.count += 1
            s.windows[key.id] = window
            return true
        }
        guard admitted else { throw APIAccessProblem.rateLimited(retryAfterSeconds: max(1, 60 - seconds % 60)) }
        return key
    }
}
