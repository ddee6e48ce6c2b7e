import Foundation

/// A vehicle registration plate in its normalised form ("ab12 cde" → "AB12CDE").
///
/// O and 0, I and 1 are kept distinct: a citizen proves they hold a ticket with the exact plate.
public struct PlateNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let maxLength = 10
    public let value: String

    public init?(_ raw: String) {
        guard let normalised = IdentifierNormalisation.normalise(raw, maxLength: Self.maxLength) else { return nil }
        value = normalised
    }

    public var description: String { value }
}
