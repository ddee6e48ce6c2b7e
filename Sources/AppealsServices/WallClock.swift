import Foundation

/// Where use cases read the time. Production reads the system clock; tests pin it.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that reads a fixed instant: for tests and for reproducible demo data.
public struct FixedWallClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
