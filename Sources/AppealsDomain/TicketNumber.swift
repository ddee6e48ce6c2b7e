import Foundation

/// The number printed on a parking ticket (a penalty charge notice), in its normalised form.
///
/// "pcn 1234-5678" and "PCN12345678" are the same ticket. Only ASCII letters and digits remain after
/// normalisation, at most ``maxLength`` of them.
public struct TicketNumber: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public static let maxLength = 20
    public let value: String

    /// Normalises what a person or a file supplied; nil when it cannot be a ticket number.
    public init?(_ raw: String) {
        guard let normalised = IdentifierNormalisation.normalise(raw, maxLength: Self.maxLength) else { return nil }
        value = normalised
    }

    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
