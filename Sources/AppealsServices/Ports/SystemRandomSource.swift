import Foundation

/// The system's cryptographically secure generator (getrandom(2) on Linux).
public struct SystemRandomSource: RandomSource {
    public init() {}
    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}
