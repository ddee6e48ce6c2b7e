import Foundation

/// The number printed on a parking ticket (a penalty charge notice), in its normalised form.
///
/// "pcn 1234-5678" and "PCN12345678" are the same ticket. Only ASCII letters and digits remain after
/// normalisation, at most ``maxLength`` of them.
public struct TicketNumber: NormalisedIdentifier, Comparable {
    public static let maxLength = 20
    public let value: String
    public init(normalised: String) { value = normalised }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
