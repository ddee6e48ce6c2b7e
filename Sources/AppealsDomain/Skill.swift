import Foundation

/// What a reviewer must be able to handle to take a case.
public enum Skill: Hashable, Sendable, Codable, Comparable {
    case stolenVehicles
    case disability
    case notOwner
    case language(String)
    case commercialFleet

    /// The skill a ground calls for, when it calls for one.
    public static func needed(for ground: Ground) -> Skill? {
        switch ground {
        case .vehicleStolen: .stolenVehicles
        case .disabilityPlacard: .disability
        case .notOwner: .notOwner
        default: nil
        }
    }
}
