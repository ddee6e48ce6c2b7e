import AppealsServices
import HummingbirdBcrypt
import NIOPosix

/// bcrypt (HummingbirdBcrypt) at cost 12, on its own small thread pool: a hash takes about a quarter of a second,
/// which must not hold one of Swift's few cooperative threads.
///
/// The pool's queue is bounded: beyond `threads + queued` hashes in flight the next is refused at once
/// (``PasswordHasherBusy``, a 429 page), so a burst of guesses cannot delay real sign-ins for minutes.
public final class BcryptPasswordHasher: PasswordHasher {
    public static let cost: UInt8 = 12
    private let pool: NIOThreadPool
    private let admission: ConcurrencyLimit
    /// Made on first need (a wrong email), not at start-up: a hash takes a quarter of a second.
    private static let decoy = Bcrypt.hash(StaffSignIn.newToken(SystemRandomSource()), cost: cost)

    public init(threads: Int = 2, queued: Int = 8) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        admission = ConcurrencyLimit(limit: threads + queued)
    }

    deinit { pool.shutdownGracefully { _ in } }

    /// On the calling thread (for set-up code that is not serving requests).
    public static func hashNow(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func hash(_ password: String) async throws -> String {
        try await admission.run { try await pool.runIfActive { Bcrypt.hash(password, cost: Self.cost) } }
    }

    public func verify(_ password: String, against hash: String?) async throws -> Bool {
        let matches = try await admission.run { try await pool.runIfActive { Bcrypt.verify(password, hash: hash ?? Self.decoy) } }
        return hash != nil && matches
    }
}
