import Foundation

/// The state, province or region that issued a plate ("NY", "ON"), upper-cased, letters and digits only.
public struct PlateRegion: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let maxLength = 10
    public let value: String

    public init?(_ raw: String) {
        guard let normalised = IdentifierNormalisation.normalise(raw, maxLength: Self.maxLength) else { return nil }
        value = normalised
    }

    public var description: String { value }
}
