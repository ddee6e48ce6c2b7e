import Foundation

/// A clock that reads a fixed instant: for tests and for reproducible demo data.
public struct FixedWallClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
