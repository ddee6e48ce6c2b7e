import Foundation

/// The enforcement officer who issued a ticket, as the enforcement system identifies them.
public struct OfficerID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
}
