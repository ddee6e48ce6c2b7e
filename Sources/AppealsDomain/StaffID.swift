import Foundation

/// A member of staff, as the staff directory identifies them.
public struct StaffID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
