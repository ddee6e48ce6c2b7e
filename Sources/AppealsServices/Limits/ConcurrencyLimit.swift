import Foundation

/// Admits at most `limit` pieces of work at once and refuses the next at once (``PasswordHasherBusy``) instead of
/// queueing it: a queue without a bound lets a burst of requests delay everyone behind it for as long as it likes.
public final class ConcurrencyLimit: @unchecked Sendable {
    public let limit: Int
    private let lock = NSLock()
    private var running = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    /// How many are admitted now.
    public var inFlight: Int { lock.withLock { running } }

    public func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        let admitted = lock.withLock {
            guard running < limit else { return false }
            running += 1
            return true
        }
        guard admitted else { throw PasswordHasherBusy() }
        defer { lock.withLock { running -= 1 } }
        return try await work()
    }
}
