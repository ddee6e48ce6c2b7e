import Foundation

/// Where use cases read the time. Production reads the system clock; tests pin it.
public protocol WallClock: Sendable {
    func now() -> Date
}
