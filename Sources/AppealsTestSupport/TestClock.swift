import AppealsServices
import Foundation
import Synchronization

/// A clock the test sets and moves forward; it never reads the system's time.
public final class TestClock: WallClock {
    private let instant: Mutex<Date>

    public init(_ start: Date = TestClock.pinned) { instant = Mutex(start) }

    /// The instant the route tests run at unless they say otherwise: Monday 23 November 2026, 10:00 in New York.
    public static let pinned = Date(timeIntervalSince1970: 1_795_446_000)

    public func now() -> Date { instant.withLock { $0 } }
    public func advance(days: Double = 0, seconds: Double = 0) {
        instant.withLock { $0 = $0.addingTimeInterval(days * 86_400 + seconds) }
    }
    public func set(_ date: Date) { instant.withLock { $0 = date } }
}
