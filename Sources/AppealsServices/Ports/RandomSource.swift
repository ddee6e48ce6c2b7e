import Foundation

/// Where use cases draw random bits: case references, ids, session and form tokens, generated passwords.
/// Production reads the system's generator (``SystemRandomSource``); tests pin a seeded source (AppealsTestSupport).
public protocol RandomSource: Sendable {
    func next() -> UInt64
}

extension RandomSource {
    /// `words` × 64 random bits as lower-case hex.
    public func hex(words: Int) -> String {
        (0..<words).map { _ in
            let text = String(next(), radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    /// A number in `0..<bound` (`bound` > 0), without modulo bias.
    public func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % UInt64(bound)
        while true {
            let value = next()
            if value < limit { return Int(value % UInt64(bound)) }
        }
    }
}
