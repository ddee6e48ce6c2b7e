import AppealsDomain
import Foundation

public struct EvidenceID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard text.count == 32, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        value = text
    }
    /// A new id of 128 bits from `random`.
    public init(drawingFrom random: any RandomSource) { value = random.hex(words: 2) }
    public var description: String { value }
}
