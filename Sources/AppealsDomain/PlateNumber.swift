import Foundation

/// A vehicle registration plate in its normalised form ("ab12 cde" → "AB12CDE").
///
/// O and 0, I and 1 are kept distinct: a citizen proves they hold a ticket with the exact plate.
public struct PlateNumber: NormalisedIdentifier {
    public static let maxLength = 10
    public let value: String
    public init(normalised: String) { value = normalised }
}
