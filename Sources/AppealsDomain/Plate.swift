import Foundation

/// A plate together with its issuing region: two vehicles in different states may share a number.
public struct Plate: Hashable, Sendable, Codable {
    public let number: PlateNumber
    public let region: PlateRegion

    public init(number: PlateNumber, region: PlateRegion) {
        self.number = number
        self.region = region
    }
}
