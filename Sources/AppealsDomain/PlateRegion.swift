import Foundation

/// The state, province or region that issued a plate ("NY", "ON"), upper-cased, letters and digits only.
public struct PlateRegion: NormalisedIdentifier {
    public static let maxLength = 10
    public let value: String
    public init(normalised: String) { value = normalised }
}
